// 举报分派规则 (administrator): where a report goes by the location's area code prefix and its category — a street,
// an industry department (sector) or a park. The most specific active rule wins; with none, a report goes to the
// area of its location. Rules are versioned (a stale edit is reloaded) and retired rather than deleted.
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  reportCategories,
  reportCategoryLabels,
  sectorLabels,
  sectors,
  type ReportCategory,
  type RoutingRuleView,
  type Sector,
} from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { validValues } from '../../components/validValues';

interface RuleForm {
  areaPrefix: string;
  category?: ReportCategory | null;
  targetAreaCode: string;
  targetSector?: Sector | null;
  targetParkId?: string | null;
  priority?: number;
  active?: boolean;
  note?: string | null;
}

export function RoutingRules() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: ['report-routing-rules'], queryFn: () => call('GET /api/report-routing-rules') });
  const areas = useQuery({ queryKey: ['report-areas'], queryFn: () => call('GET /api/public/report-areas') });
  const parks = useQuery({ queryKey: ['parks'], queryFn: () => call('GET /api/parks') });
  const [editing, setEditing] = useState<RoutingRuleView | 'new' | null>(null);
  const [form] = Form.useForm<RuleForm>();
  const open = (r: RoutingRuleView | 'new') => {
    setEditing(r);
    form.resetFields();
    if (r !== 'new')
      form.setFieldsValue({
        areaPrefix: r.areaPrefix,
        category: (r.category as ReportCategory | null) ?? null,
        targetAreaCode: r.targetAreaCode,
        targetSector: (r.targetSector as Sector | null) ?? null,
        targetParkId: r.targetParkId,
        priority: r.priority,
        active: r.active,
        note: r.note,
      });
  };
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = { ...v, note: v.note?.trim() ? v.note.trim() : null };
    try {
      if (editing === 'new') await call('POST /api/report-routing-rules', { body });
      else if (editing)
        await call('PUT /api/report-routing-rules/:id', { params: { id: editing.id }, body: { ...body, version: editing.version } });
      setEditing(null);
      await qc.invalidateQueries({ queryKey: ['report-routing-rules'] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('该规则已被他人修改，已刷新', 'Someone changed this rule; it was reloaded'));
        setEditing(null);
        await qc.invalidateQueries({ queryKey: ['report-routing-rules'] });
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  if (rules.error) return <ErrorDisplay error={rules.error} />;
  return (
    <Card
      title={t('举报分派规则', 'Report routing rules')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="routing-rule-new">
          {t('新增规则', 'New rule')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          '按举报地点的区划代码前缀和举报类别，分派给承办街道、行业主管部门或园区；匹配最长前缀的规则优先，未匹配时按举报地点所在地区分派。',
          'By the location’s area-code prefix and the category, a report goes to a street, an industry department or a park; the longest matching prefix wins; with no rule, the location’s own area.',
        )}
      </Typography.Paragraph>
      <Table<RoutingRuleView>
        rowKey="id"
        size="small"
        loading={rules.isLoading}
        dataSource={rules.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('区划前缀', 'Area prefix'), dataIndex: 'areaPrefix' },
          {
            title: t('类别', 'Category'),
            render: (_, r) => (r.category ? label(reportCategoryLabels[r.category as ReportCategory]) : t('全部', 'All')),
          },
          { title: t('承办地区', 'Target area'), render: (_, r) => r.targetAreaName ?? r.targetAreaCode },
          {
            title: t('行业部门 / 园区', 'Department / park'),
            render: (_, r) => (
              <Space>
                {r.targetSector && <Tag>{label(sectorLabels[r.targetSector as Sector])}</Tag>}
                {r.targetParkName && <Tag color="blue">{r.targetParkName}</Tag>}
              </Space>
            ),
          },
          { title: t('优先级', 'Priority'), dataIndex: 'priority' },
          {
            title: t('状态', 'State'),
            render: (_, r) => (r.active ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('停用', 'Retired')}</Tag>),
          },
          { title: t('说明', 'Note'), dataIndex: 'note', ellipsis: true },
          {
            title: '',
            render: (_, r) =>
              r.abilities.includes('update') && (
                <Button size="small" onClick={() => open(r)}>
                  {t('编辑', 'Edit')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('新增规则', 'New rule') : t('编辑规则', 'Edit rule')}
        onCancel={() => setEditing(null)}
        onOk={save}
      >
        <Form form={form} layout="vertical" initialValues={{ priority: 0, active: true }}>
          <Form.Item
            name="areaPrefix"
            label={t('举报地点区划代码前缀', 'Location area-code prefix')}
            rules={[
              { required: true },
              { pattern: /^\d{2,15}$/, message: t('应为 2–15 位数字的区划代码', 'An area code of 2 to 15 digits') },
            ]}
          >
            <Input placeholder="440307001" />
          </Form.Item>
          <Form.Item name="category" label={t('举报类别（空 = 全部）', 'Category (empty = all)')}>
            <Select allowClear options={reportCategories.map((c) => ({ value: c, label: label(reportCategoryLabels[c]) }))} />
          </Form.Item>
          <Form.Item name="targetAreaCode" label={t('承办地区', 'Target area')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(areas.data ?? []).map((a) => ({ value: a.code, label: `${a.name} ${a.code}` }))}
            />
          </Form.Item>
          <Form.Item name="targetSector" label={t('行业主管部门（监管行业）', 'Industry department (sector)')}>
            <Select allowClear options={sectors.map((s) => ({ value: s, label: label(sectorLabels[s]) }))} />
          </Form.Item>
          <Form.Item name="targetParkId" label={t('园区', 'Park')}>
            <Select allowClear options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="priority" label={t('优先级', 'Priority')}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="active" label={t('启用', 'Active')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="note" label={t('说明', 'Note')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
