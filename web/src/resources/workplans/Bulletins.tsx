// 通报: the bulletins the caller issued (generate from completion data for a period: praise, criticism or ranking;
// edit while draft; publish to the units concerned) or that were published to its unit. The fairness rule is printed.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { bulletinKindLabels, bulletinKinds, type BulletinKind, type BulletinRow, type BulletinView } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useList, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay, errorText } from '../../components/ErrorDisplay';
import { applyApiErrors } from '../../components/apiErrors';
import { validValues } from '../../components/validValues';

interface GenerateForm {
  kind: BulletinKind;
  title: string;
  period: [Dayjs, Dayjs];
  minItems: number;
}

export function Bulletins() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [generating, setGenerating] = useState(false);
  const [editing, setEditing] = useState<BulletinView | null>(null);
  const [form] = Form.useForm<GenerateForm>();
  const [edit] = Form.useForm<{ title: string; body: string }>();
  const list = useList('GET /api/work-bulletins', { query: page });
  const generate = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await call('POST /api/work-bulletins', {
        body: {
          kind: v.kind,
          title: v.title,
          periodFrom: v.period[0].format('YYYY-MM-DD'),
          periodTo: v.period[1].format('YYYY-MM-DD'),
          minItems: v.minItems,
        },
      });
      setGenerating(false);
      form.resetFields();
      await refresh('GET /api/work-bulletins');
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const saveEdit = async () => {
    if (!editing) return;
    const v = await validValues(edit);
    if (!v) return;
    try {
      await call('PATCH /api/work-bulletins/:id', { params: { id: editing.id }, body: { version: editing.version, ...v } });
      setEditing(null);
      await refresh('GET /api/work-bulletins');
    } catch (e) {
      const rest = applyApiErrors(edit, e);
      if (rest) message.error(rest);
    }
  };
  const publish = async (b: BulletinView) => {
    try {
      await call('POST /api/work-bulletins/:id/publish', { params: { id: b.id }, body: { version: b.version } });
      await refresh('GET /api/work-bulletins');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) await refresh('GET /api/work-bulletins');
      message.error(errorText(e));
    }
  };
  return (
    <Card
      title={t('通报', 'Bulletins (通报)')}
      extra={
        can('workplan.supervise') && (
          <Button icon={<PlusOutlined />} onClick={() => setGenerating(true)} data-testid="bulletin-new">
            {t('生成通报', 'Generate a bulletin')}
          </Button>
        )
      }
    >
      <ErrorDisplay error={list.error} />
      <List<BulletinView>
        loading={list.isLoading}
        dataSource={list.data?.items}
        data-testid="bulletin-list"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        renderItem={(b) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={b.kind === 'praise' ? 'green' : b.kind === 'criticism' ? 'red' : 'blue'}>
                  {label(bulletinKindLabels[b.kind])}
                </Tag>
                <b>{b.title}</b>
                <span>
                  {b.periodFrom} — {b.periodTo}
                </span>
                <Tag>{b.status === 'published' ? t('已发布', 'Published') : t('草稿', 'Draft')}</Tag>
                {b.abilities.includes('edit') && (
                  <a
                    onClick={() => {
                      edit.setFieldsValue({ title: b.title, body: b.body });
                      setEditing(b);
                    }}
                  >
                    {t('修改', 'Edit')}
                  </a>
                )}
                {b.abilities.includes('publish') && <a onClick={() => publish(b)}>{t('发布', 'Publish')}</a>}
              </Space>
              <div style={{ whiteSpace: 'pre-wrap' }}>{b.body}</div>
              <Table<BulletinRow>
                rowKey="orgId"
                size="small"
                pagination={false}
                dataSource={b.rows}
                scroll={{ x: 560 }}
                columns={[
                  {
                    title: t('名次', 'Rank'),
                    dataIndex: 'rank',
                    width: 70,
                    render: (r: number | null, x) => r ?? (x.fewItems ? t('不排名', 'unranked') : '—'),
                  },
                  { title: t('单位', 'Unit'), dataIndex: 'orgName' },
                  { title: t('应报', 'Due'), dataIndex: 'due', width: 70 },
                  { title: t('按时', 'On time'), dataIndex: 'onTime', width: 70 },
                  { title: t('逾期', 'Late'), dataIndex: 'late', width: 70 },
                  { title: t('未报', 'Missing'), dataIndex: 'missing', width: 70 },
                  { title: t('按时率', 'Rate'), dataIndex: 'rate', width: 90, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
                ]}
              />
              <i>{b.rule}</i>
            </Space>
          </List.Item>
        )}
      />
      <Modal open={generating} title={t('生成通报', 'Generate a bulletin')} onCancel={() => setGenerating(false)} onOk={generate}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'ranking', minItems: 3 }}>
          <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: true }]}>
            <Select options={bulletinKinds.map((k) => ({ value: k, label: label(bulletinKindLabels[k]) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="period" label={t('统计期间', 'Period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item
            name="minItems"
            label={t('参与排名的最少事项数', 'Fewest items to be ranked')}
            tooltip={t('少于此数的单位不列首位或末位', 'Units with fewer items are never first or last')}
          >
            <InputNumber min={1} max={100} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={editing !== null}
        title={t('修改通报', 'Edit the bulletin')}
        onCancel={() => setEditing(null)}
        onOk={saveEdit}
        width={640}
      >
        <Form form={edit} layout="vertical">
          <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label={t('正文', 'Text')} rules={[{ required: true, max: 10000 }]}>
            <Input.TextArea rows={8} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
