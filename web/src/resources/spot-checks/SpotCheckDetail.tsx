// One spot check on the phone: each sampled holder as a card (name, post, enterprise, certificate) with the outcome
// recorded, or a form to record it: the outcome, the date, a note, a photo taken on the spot, and for 其他 whether it
// warrants revoking the certificate.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, List, Select, Space, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import {
  certificateKindLabels,
  personPostLabels,
  spotCheckOutcomeLabels,
  spotCheckOutcomes,
  type SpotCheckItemView,
  type SpotCheckOutcome,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { useCommand, useRecord } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';

export function SpotCheckDetailView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useI18n();
  const q = useRecord('GET /api/spot-checks/:id', { params: { id } });
  const d = q.data;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }} data-testid="spot-check-detail">
      <Button onClick={onBack} style={{ marginBottom: 8 }}>
        {t('返回', 'Back')}
      </Button>
      {q.error && <ErrorDisplay error={q.error} />}
      {d && (
        <Card title={d.title} extra={<Tag>{t(`已查 ${d.checked}/${d.sampleSize}`, `Checked ${d.checked}/${d.sampleSize}`)}</Tag>}>
          <Typography.Paragraph type="secondary">
            {d.drawnOn} · {d.areaName ?? d.areaCode} · {t(`从 ${d.population} 人中抽取`, `drawn from ${d.population}`)}
            {d.drawnByName ? ` · ${d.drawnByName}` : ''}
          </Typography.Paragraph>
          <List dataSource={d.items} renderItem={(item) => <HolderCard spotCheckId={id} item={item} />} />
        </Card>
      )}
    </div>
  );
}

function HolderCard({ item, spotCheckId }: { item: SpotCheckItemView; spotCheckId: string }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: SpotCheckOutcome; note?: string; revoke?: boolean }>();
  const outcome = Form.useWatch('outcome', form);
  const [photo, setPhoto] = useState<{ id: string; name: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const record = useCommand('POST /api/spot-check-items/:id/outcome', ['GET /api/spot-checks/:id', 'GET /api/spot-checks'], (r) =>
    message.success(r.revoked ? t('已记录，证书已吊销', 'Recorded; the certificate was revoked') : t('已记录', 'Recorded')),
  );
  const upload = async (file: File) => {
    setUploading(true);
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      const f = await call('POST /api/spot-checks/photos', { form: fd });
      setPhoto({ id: f.id, name: f.name });
    } catch (e) {
      message.error(`${t('照片上传失败', 'Photo upload failed')} ${(e as Error).message}`);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Card size="small" style={{ width: '100%', marginBottom: 8 }} data-spot-item={spotCheckId}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <b>{item.personName}</b> · {label(personPostLabels[item.post])} · {item.enterpriseName ?? ''}
        </div>
        <div>
          {label(certificateKindLabels[item.kind])} {item.itemName ?? ''} · {item.certificateNumber}
        </div>
        {item.outcome ? (
          <Space wrap>
            <Tag color={item.outcome === 'pass' ? 'green' : 'orange'}>{label(spotCheckOutcomeLabels[item.outcome])}</Tag>
            {item.revoked && <Tag color="red">{t('证书已吊销', 'Certificate revoked')}</Tag>}
            <span>{item.checkedOn}</span>
            {item.note && <span>{item.note}</span>}
            {item.photoId && (
              <a href={`/api/files/${item.photoId}`} target="_blank" rel="noreferrer">
                {t('现场照片', 'Photo')}
              </a>
            )}
          </Space>
        ) : item.abilities.includes('record') ? (
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) =>
              record.mutate({
                params: { id: item.id },
                body: {
                  version: item.version,
                  outcome: v.outcome,
                  checkedOn: dayjs().format('YYYY-MM-DD'),
                  note: v.note || undefined,
                  photoId: photo?.id,
                  revoke: v.outcome === 'other' ? !!v.revoke : undefined,
                },
              })
            }
          >
            <Form.Item name="outcome" label={t('抽查结果', 'Outcome')} rules={[{ required: true }]}>
              <Select options={spotCheckOutcomes.map((o) => ({ value: o, label: label(spotCheckOutcomeLabels[o]) }))} />
            </Form.Item>
            {(outcome === 'unqualified' || outcome === 'identity_mismatch') && (
              <Typography.Text type="danger">{t('提交后将吊销该证书', 'Submitting revokes this certificate')}</Typography.Text>
            )}
            <Form.Item name="note" label={t('说明', 'Note')} rules={[{ required: outcome === 'other' }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            {outcome === 'other' && (
              <Form.Item name="revoke" valuePropName="checked">
                <Checkbox>{t('情节需吊销证书', 'Warrants revoking the certificate')}</Checkbox>
              </Form.Item>
            )}
            <Space wrap style={{ marginBottom: 8 }}>
              <Upload
                accept="image/*"
                capture="environment"
                showUploadList={false}
                beforeUpload={(f) => {
                  void upload(f);
                  return false;
                }}
              >
                <Button loading={uploading}>{photo ? t('重拍照片', 'Retake photo') : t('拍照', 'Take photo')}</Button>
              </Upload>
              {photo && <span>{photo.name}</span>}
            </Space>
            {record.error && <ErrorDisplay error={record.error} />}
            <Button type="primary" htmlType="submit" block size="large" loading={record.isPending}>
              {t('提交结果', 'Record outcome')}
            </Button>
          </Form>
        ) : (
          <Tag>{t('待查', 'Not yet checked')}</Tag>
        )}
      </Space>
    </Card>
  );
}
