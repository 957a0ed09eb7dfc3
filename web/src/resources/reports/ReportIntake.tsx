// Operator intake: a report received by the 12350 hotline, letter, email, visit or from the city, with its channel
// and the original reference, routed to a street of the caller's jurisdiction.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { reportChannelLabels, reportChannels } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ReportFields, reportBody, reportFieldNames, type ReportFormValues } from './ReportForm';
import { validValues } from '../../components/validValues';

type Channel = Exclude<(typeof reportChannels)[number], 'online'>;

export function ReportIntake() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportFormValues & { channel: Channel; channelRef?: string }>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const r = await call('POST /api/reports', { body: { ...reportBody(v), channel: v.channel, channelRef: v.channelRef || undefined } });
      navigate(`/reports/${r.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e, reportFieldNames);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('登记举报（其他渠道）', 'Record a report from another channel')} style={{ maxWidth: 720 }}>
      <Form form={form} layout="vertical" initialValues={{ channel: 'hotline_12350', named: false }}>
        <Form.Item name="channel" label={t('来源渠道', 'Channel')} rules={[{ required: true }]}>
          <Select
            options={reportChannels
              .filter((c): c is Channel => c !== 'online')
              .map((c) => ({ value: c, label: label(reportChannelLabels[c]) }))}
          />
        </Form.Item>
        <Form.Item name="channelRef" label={t('原始编号', 'Original reference')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <ReportFields form={form as never} />
        <Button type="primary" loading={busy} onClick={save}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
