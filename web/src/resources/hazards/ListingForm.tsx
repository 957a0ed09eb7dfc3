// Steps that keep a hidden danger's state: 挂牌督办 on a major one (list it, report progress, de-list it after
// acceptance) and re-grading 一般 ↔ 重大 by the supervising side.
import { useState } from 'react';
import { App, Checkbox, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type dayjs from 'dayjs';
import type { HazardDetail, HazardFile } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { AttachmentInput } from './AttachmentInput';
import { MajorItemField } from './MajorItemField';
import { useHazardMeta } from './meta';
import { useCodeTables } from '../../api/codeTables';

export interface ListingFormProps {
  hazard: HazardDetail;
  step: 'list' | 'report_progress' | 'delist' | 'regrade' | null;
  onClose(updated?: HazardDetail): void;
}

const routes = {
  list: 'POST /api/hazards/:id/listing',
  report_progress: 'POST /api/hazards/:id/listing/progress',
  delist: 'POST /api/hazards/:id/listing/delist',
  regrade: 'POST /api/hazards/:id/regrade',
} as const;

export function ListingForm({ hazard, step, onClose }: ListingFormProps) {
  const { t, label } = useI18n();
  const codes = useCodeTables();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const meta = useHazardMeta(step === 'regrade' ? hazard.enterpriseId : undefined).data;
  const newGrade = Form.useWatch('grade', form) as string | undefined;
  const submit = async (v: Record<string, unknown>) => {
    if (!step) return;
    const body: Record<string, unknown> = { ...v, version: hazard.version };
    if (v.requiredCompletionDate) body.requiredCompletionDate = (v.requiredCompletionDate as dayjs.Dayjs).format('YYYY-MM-DD');
    if (v.attachments) body.attachments = (v.attachments as HazardFile[]).map((f) => f.id);
    for (const k of Object.keys(body)) if (body[k] === undefined || body[k] === '') delete body[k];
    setSaving(true);
    try {
      // The form's fields are the step's body (the server validates them).
      const updated = await call(routes[step], { params: { id: hazard.id }, body: body as never });
      message.success(t('已办理', 'Done'));
      onClose(updated);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true }];
  return (
    <Modal
      open={!!step}
      title={step ? codes.label('hazardAction', step) : ''}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, ...({ 'data-testid': 'step-confirm' } as Record<string, string>) }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {step === 'list' && (
          <>
            <Form.Item name="documentNumber" label={t('督办文号', 'Document number')} rules={required}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="requiredCompletionDate" label={t('要求完成日期', 'Required completion date')} rules={required}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="stopProduction" valuePropName="checked" initialValue={false}>
              <Checkbox>{t('责令全部或局部停产停业治理', 'Ordered to stop production (fully or partly) during treatment')}</Checkbox>
            </Form.Item>
            <Form.Item name="note" label={t('督办要求', 'Requirements')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {step === 'report_progress' && (
          <>
            <Form.Item name="progress" label={t('治理进展', 'Progress')} rules={required}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="attachments" label={t('照片或材料', 'Photos or documents')}>
              <AttachmentInput documents />
            </Form.Item>
          </>
        )}
        {step === 'regrade' && (
          <>
            <Form.Item
              name="grade"
              label={t('调整为', 'New grade')}
              rules={required}
              initialValue={hazard.grade === 'major' ? 'general' : 'major'}
            >
              <Radio.Group
                optionType="button"
                options={(meta?.grades ?? []).map((g) => ({ value: g.value, label: label(g.label), disabled: g.value === hazard.grade }))}
              />
            </Form.Item>
            {newGrade === 'major' && <MajorItemField items={meta?.majorItems} />}
            <Form.Item name="reason" label={t('调整理由', 'Reason')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="regrade-reason" />
            </Form.Item>
          </>
        )}
        {step === 'delist' && (
          <>
            <Form.Item name="documentNumber" label={t('销号文号', 'Document number')}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="opinion" label={t('销号意见', 'Opinion')} rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
