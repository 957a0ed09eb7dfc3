// Operator intake: a report received by the 12350 hotline, letter, email, visit or from the city, with its channel
// and the original reference, routed to a street of the caller's jurisdiction, and the photos the reporter sent
// (uploaded by the officer as they are picked, attached on saving).
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { REPORT_PHOTO_MAX, reportChannelLabels, reportChannels } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ReportFields, reportBody, reportFieldNames, type ReportFormValues } from './ReportForm';
import { ReportPhotoInput, type PickedPhoto } from './ReportPhotos';
import { validValues } from '../../components/validValues';

type Channel = Exclude<(typeof reportChannels)[number], 'online'>;

export function ReportIntake() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportFormValues & { channel: Channel; channelRef?: string; photos?: PickedPhoto[] }>();
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const photos = (v.photos ?? []).map((p) => p.id);
      const r = await call('POST /api/reports', {
        body: { ...reportBody(v), channel: v.channel, channelRef: v.channelRef || undefined, ...(photos.length ? { photos } : {}) },
      });
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
      <Form form={form} layout="vertical" initialValues={{ channel: 'hotline_12350', named: false, photos: [] }}>
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
        <Form.Item
          name="photos"
          label={t(
            `举报人提供的照片（选填，最多 ${REPORT_PHOTO_MAX} 张）`,
            `Photos from the reporter (optional, up to ${REPORT_PHOTO_MAX})`,
          )}
          extra={t(
            'JPEG、PNG 或 WebP，每张不超过 10 MB；照片中的拍摄位置等信息会被自动去除。',
            'JPEG, PNG or WebP, up to 10 MB each; the location and other data inside a photo are removed.',
          )}
        >
          <ReportPhotoInput uploadAs="intake" onBusyChange={setUploading} />
        </Form.Item>
        <Button type="primary" loading={busy} disabled={uploading} onClick={save} data-testid="intake-save">
          {uploading ? t('照片上传中…', 'Uploading photos…') : t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
