// 承诺书文本: the administrator or the district bureau edits the commitment text per sector ('default' for every sector
// without its own). Each save is a new version, audited; commitments already signed keep the text they were signed
// with. The version read goes with the save, so two editors cannot overwrite each other unseen (409).
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { sectorLabels, type Sector } from '@anjian/contracts';
import { useCommand, useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { validValues } from '../../components/validValues';
import { ErrorDisplay, errorText } from '../../components/ErrorDisplay';
import { cstDate } from '../../app/time';
import { versionNumber } from './textVersion';

export function CommitmentTexts() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const q = useList('GET /api/commitment-texts', {});
  const [sector, setSector] = useState('default');
  const save = useCommand('PUT /api/commitment-texts/:sector', ['GET /api/commitment-texts']);
  const [form] = Form.useForm<{ title: string; body: string }>();
  const entry = q.data?.items.find((i) => i.sector === sector);
  useEffect(() => {
    if (entry) form.setFieldsValue({ title: entry.title, body: entry.body });
  }, [entry, form]);
  const sectorName = (s: string) =>
    s === 'default' ? t('通用（未单独配置的行业）', 'Default (sectors without their own)') : label(sectorLabels[s as Sector]);
  // The built-in text until someone saves one; then which save this is and when, never the raw version id.
  const versionText = (e: { version: string; configured: boolean; savedAt: string | null }) => {
    if (!e.configured) return t('系统默认文本（尚未修改）', 'Built-in default text (not edited yet)');
    const n = versionNumber(e.version);
    const saved = e.savedAt ? cstDate(e.savedAt) : null;
    return [n === null ? null : t(`第 ${n} 版`, `Version ${n}`), saved && t(`保存于 ${saved}`, `saved on ${saved}`)]
      .filter(Boolean)
      .join(' · ');
  };
  const submit = async () => {
    if (!entry) return;
    const v = await validValues(form);
    if (!v) return;
    save.mutate(
      { params: { sector: sector as never }, body: { ...v, currentVersion: entry.version } },
      {
        onSuccess: () => void message.success(t('已保存为新版本', 'Saved as a new version')),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  return (
    <Card title={t('承诺书文本', 'Commitment text')} data-testid="commitment-texts">
      <ErrorDisplay error={q.error} />
      <Typography.Paragraph type="secondary">
        {t(
          '按行业设置企业主要负责人签署的安全承诺书文本。每次保存为新版本并记入审计日志；已签署的承诺书保留签署时的文本。',
          'The safety commitment text principals sign, per sector. Each save is a new version, audited; signed commitments keep the text they were signed with.',
        )}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 260 }}
          value={sector}
          onChange={setSector}
          data-testid="commitment-text-sector"
          options={(q.data?.items ?? []).map((i) => ({
            value: i.sector,
            label: `${sectorName(i.sector)}${i.configured ? '' : t('（默认文本）', ' (default text)')}`,
          }))}
        />
        {entry && (
          <Typography.Text type="secondary" data-testid="commitment-text-version">
            {versionText(entry)}
          </Typography.Text>
        )}
      </Space>
      {entry && (
        <Form form={form} layout="vertical" style={{ maxWidth: 760 }}>
          <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label={t('正文', 'Text')} rules={[{ required: true, max: 8000 }]}>
            <Input.TextArea rows={14} />
          </Form.Item>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
            {t('保存为新版本', 'Save as a new version')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
