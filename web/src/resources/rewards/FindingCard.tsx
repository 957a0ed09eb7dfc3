// The verification finding (核查结果) on a report's page: what the handler found and whether a reward fell due, and
// the "record the finding" dialog for a handler while the report is handled or replied.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, Modal, Radio, Tag } from 'antd';
import { rewardStatusLabels, verificationFindingLabels, verificationFindings, type RecordFindingBody } from '@anjian/contracts';
import { useCommand, useRecord } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { validValues } from '../../components/validValues';

export function FindingCard({ reportId, version }: { reportId: string; version: number }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const q = useRecord('GET /api/reports/:id/verification', { params: { id: reportId } });
  const record = useCommand('POST /api/reports/:id/verification', ['GET /api/reports/:id/verification', 'GET /api/reports/:id']);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Omit<RecordFindingBody, 'version'>>();
  if (q.error) return <ErrorDisplay error={q.error} />;
  const v = q.data;
  if (!v) return null;
  const save = async () => {
    const body = await validValues(form);
    if (!body) return;
    try {
      await record.mutateAsync({ params: { id: reportId }, body: { ...body, version } });
      setOpen(false);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Card
      title={t('核查结果', 'Verification finding')}
      extra={
        v.abilities.includes('verify') && (
          <Button type="primary" data-testid="finding-record" onClick={() => setOpen(true)}>
            {t('登记核查结果', 'Record the finding')}
          </Button>
        )
      }
    >
      {v.finding ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('结论', 'Finding')}>
            <Tag color={v.finding === 'unfounded' ? 'default' : 'green'}>{label(verificationFindingLabels[v.finding])}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('登记', 'Recorded')}>
            {v.recordedOn} {v.recordedByName}
          </Descriptions.Item>
          <Descriptions.Item label={t('核查说明', 'Note')} span={2}>
            {v.note}
          </Descriptions.Item>
          <Descriptions.Item label={t('举报奖励', 'Reward')} span={2}>
            {v.rewardId && v.rewardStatus ? (
              <Link to={`/rewards/${v.rewardId}`}>{label(rewardStatusLabels[v.rewardStatus])}</Link>
            ) : (
              t('无（匿名举报或核查不属实）', 'None (anonymous, or not verified)')
            )}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        t('尚未登记核查结果', 'No finding recorded yet')
      )}
      <Modal
        open={open}
        title={t('登记核查结果', 'Record the finding')}
        onCancel={() => setOpen(false)}
        onOk={save}
        confirmLoading={record.isPending}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="finding" label={t('结论', 'Finding')} rules={[{ required: true }]}>
            <Radio.Group options={verificationFindings.map((f) => ({ value: f, label: label(verificationFindingLabels[f]) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('核查说明', 'Note')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={4} data-testid="finding-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
