// 目标责任书: the letters in the caller's scope — addressed to its unit (a street's from the district, an enterprise's
// from its street) and issued by it — and, for the district bureau and the streets, a form to draft one down a level
// with its targets, each optionally counting towards an indicator of the year's assessment scheme.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Drawer, Form, Input, InputNumber, Select, Segmented, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  letterRecipientLabels,
  letterStatusLabels,
  type CreateLetterBody,
  type LetterRecipientKind,
  type LetterStatus,
  type LetterView,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRecord } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { EnterprisePicker } from '../hazards/EnterprisePicker';
import { validValues } from '../../components/validValues';

export const letterStatusColor: Record<LetterStatus, string> = {
  draft: 'default',
  issued: 'processing',
  signed: 'success',
  withdrawn: 'warning',
};

function LetterForm({ onDone, parentId }: { onDone: (id: string) => void; parentId?: string }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const recipients = useRecord('GET /api/responsibility-letter-recipients', {});
  const schemes = useList('GET /api/assessment/schemes', { query: { pageSize: 50 } }, { enabled: !parentId });
  const kind = Form.useWatch('recipientKind', form) as LetterRecipientKind | undefined;
  const kinds: LetterRecipientKind[] = [
    ...new Set(recipients.data?.areas.map((a) => a.kind) ?? []),
    ...(recipients.data?.enterprises ? (['enterprise'] as const) : []),
  ];
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body: CreateLetterBody = {
      year: v.year,
      title: v.title,
      recipientKind: v.recipientKind,
      recipientAreaCode: v.recipientKind === 'enterprise' ? undefined : v.recipientAreaCode,
      recipientEnterpriseId: v.recipientKind === 'enterprise' ? v.recipientEnterpriseId : undefined,
      parentId,
      schemeId: v.schemeId || undefined,
      targets: (v.targets as { text: string; indicatorKey?: string; value?: string }[]).map((x) => ({
        text: x.text,
        indicatorKey: x.indicatorKey || null,
        value: x.value || null,
      })),
    };
    try {
      const r = await call('POST /api/responsibility-letters', { body });
      onDone(r.id);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear(), targets: [{ text: '' }] }}>
      <Form.Item name="year" label={t('年度', 'Year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true }]}>
        <Input data-testid="letter-title" />
      </Form.Item>
      <Form.Item name="recipientKind" label={t('接收单位类型', 'Recipient kind')} rules={[{ required: true }]}>
        <Select options={kinds.map((k) => ({ value: k, label: label(letterRecipientLabels[k]) }))} data-testid="letter-recipient-kind" />
      </Form.Item>
      {kind === 'enterprise' ? (
        <Form.Item name="recipientEnterpriseId" label={t('企业', 'Enterprise')} rules={[{ required: true }]}>
          <EnterprisePicker />
        </Form.Item>
      ) : (
        <Form.Item name="recipientAreaCode" label={t('接收单位', 'Recipient')} rules={[{ required: true }]}>
          <Select
            data-testid="letter-recipient"
            options={(recipients.data?.areas ?? []).filter((a) => a.kind === kind).map((a) => ({ value: a.code, label: a.name }))}
          />
        </Form.Item>
      )}
      {!parentId && (
        <Form.Item name="schemeId" label={t('关联考核方案（可选）', 'Assessment scheme (optional)')}>
          <Select allowClear options={(schemes.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.year} ${s.title}` }))} />
        </Form.Item>
      )}
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'text']} rules={[{ required: true }]} label={t('目标', 'Target')}>
                  <Input style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'value']} label={t('指标值', 'Value')}>
                  <Input style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'indicatorKey']} label={t('考核指标代码', 'Indicator key')}>
                  <Input style={{ width: 140 }} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
              {t('添加目标', 'Add target')}
            </Button>
          </>
        )}
      </Form.List>
      <Button type="primary" style={{ marginTop: 16 }} onClick={submit} data-testid="letter-submit">
        {t('保存草稿', 'Save draft')}
      </Button>
    </Form>
  );
}

export function LetterDrawer({ open, onClose, parentId }: { open: boolean; onClose: () => void; parentId?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width="min(100vw, 640px)"
      title={t('起草目标责任书', 'Draft a target-responsibility letter')}
      destroyOnClose
    >
      <LetterForm
        parentId={parentId}
        onDone={(id) => {
          onClose();
          navigate(`/responsibility-letters/${id}`);
        }}
      />
    </Drawer>
  );
}

export function LetterList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const [side, setSide] = useState<'all' | 'mine' | 'issued'>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = useList('GET /api/responsibility-letters', { query: { page, pageSize: 20, ...(side === 'all' ? {} : { side }) } });
  return (
    <Card
      title={t('安全生产目标责任书', 'Target-responsibility letters')}
      extra={
        can('responsibilityLetter.issue') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="letter-new">
            {t('起草', 'Draft')}
          </Button>
        )
      }
    >
      <Segmented
        style={{ marginBottom: 12 }}
        value={side}
        onChange={(v) => {
          setSide(v as typeof side);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('全部', 'All') },
          { value: 'mine', label: t('本单位签订', 'To sign') },
          { value: 'issued', label: t('本单位下达', 'Issued') },
        ]}
      />
      <ErrorDisplay error={list.error} />
      <Table<LetterView>
        rowKey="id"
        size="middle"
        data-testid="letter-list"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 700 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage }}
        columns={[
          { title: t('年度', 'Year'), dataIndex: 'year', width: 70 },
          {
            title: t('标题', 'Title'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/responsibility-letters/${r.id}`}>{v}</Link>,
          },
          { title: t('下达单位', 'Issuer'), dataIndex: 'issuerName' },
          {
            title: t('接收单位', 'Recipient'),
            render: (_, r) => `${r.recipientName}${t('（', ' (')}${label(letterRecipientLabels[r.recipientKind])}${t('）', ')')}`,
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: LetterStatus) => <Tag color={letterStatusColor[s]}>{label(letterStatusLabels[s])}</Tag>,
          },
          { title: t('签订日期', 'Signed'), dataIndex: 'signedOn' },
        ]}
      />
      <LetterDrawer open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
