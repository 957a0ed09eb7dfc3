// The evidence form of one workflow step. Which step is offered comes from the server's `abilities`; which
// fields are required is the server's `requiredEvidence` — the form only lays them out and shows the refusals.
import { useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { FormInstance } from 'antd';
import type dayjs from 'dayjs';
import type { HazardActionKey, HazardDetail, HazardFile } from '@anjian/contracts';
import { call, ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { joinMessages } from '../../components/apiErrors';
import { CalendarGapAlert } from '../../features/calendar/CalendarGapAlert';
import { AttachmentInput } from './AttachmentInput';
import { labelIn, useHazardMeta } from './meta';

export interface HazardActionFormProps {
  hazard: HazardDetail;
  action: string | null;
  onClose(updated?: HazardDetail): void;
}

type Values = Record<string, unknown> & { attachments?: HazardFile[]; mode?: 'days' | 'date' };

/** Puts `evidence.x.y` refusals on the matching field; returns what could not be placed. */
function placeErrors(form: FormInstance, e: unknown): string | null {
  if (!(e instanceof ApiError)) return String(e);
  const placed: string[] = [];
  const rest: string[] = [];
  for (const d of e.details) {
    const name = d.field.replace(/^evidence\./, '').split('.');
    if (form.getFieldInstance(name.length === 1 ? name[0]! : name)) {
      form.setFields([{ name: name.length === 1 ? name[0]! : name, errors: [d.message] }]);
      placed.push(d.field);
    } else rest.push(d.message);
  }
  return placed.length > 0 && rest.length === 0 ? null : joinMessages([e.message, ...rest]);
}

const day = (d: unknown) => (d ? (d as dayjs.Dayjs).format('YYYY-MM-DD') : undefined);

export function HazardActionForm({ hazard, action, onClose }: HazardActionFormProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const meta = useHazardMeta().data;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // Set when the server could not count working days for lack of a year's holiday calendar: the modal then says where to enter it.
  const [gapYear, setGapYear] = useState<number | null>(null);
  const mode = Form.useWatch('mode', form) ?? 'days';
  const major = hazard.grade === 'major';
  const listed = !!hazard.listing && !hazard.listing.delistedOn;
  const text = (name: string, zh: string, en: string, required = true) => (
    <Form.Item
      name={name}
      label={t(zh, en)}
      rules={required ? [{ required: true, message: t(`请填写${zh}`, `Give the ${en.toLowerCase()}`) }] : []}
    >
      <Input.TextArea rows={3} maxLength={4000} data-testid={`evidence-${name}`} />
    </Form.Item>
  );
  const deadlineFields = (dateName: string, daysName: string) => (
    <>
      <Form.Item name="mode" initialValue="days">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'days', label: t('按天数', 'In days') },
            { value: 'date', label: t('指定日期', 'Fixed date') },
          ]}
        />
      </Form.Item>
      {mode === 'days' ? (
        <>
          <Form.Item name={daysName} label={t('期限（天）', 'Days')} initialValue={7}>
            <InputNumber min={1} max={3650} />
          </Form.Item>
          <Form.Item name="deadlineUnit" initialValue="calendar">
            <Radio.Group
              options={[
                { value: 'calendar', label: t('自然日', 'Calendar days') },
                { value: 'workday', label: t('工作日', 'Working days') },
              ]}
            />
          </Form.Item>
        </>
      ) : (
        <Form.Item name={dateName} label={t('期限', 'Deadline')}>
          <DatePicker />
        </Form.Item>
      )}
    </>
  );
  const fields = () => {
    switch (action) {
      case 'start_rectification':
        return (
          <>
            {deadlineFields('deadline', 'deadlineDays')}
            <Form.Item
              name="responsiblePerson"
              label={t('整改责任人', 'Responsible person')}
              initialValue={hazard.responsiblePerson ?? undefined}
              rules={[{ required: true }]}
            >
              <Input maxLength={64} />
            </Form.Item>
            {text('measures', '整改措施', 'Measures', false)}
            <Form.Item name="funds" label={t('整改资金（元）', 'Funds (yuan)')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </>
        );
      case 'extend_deadline':
        return (
          <>
            {deadlineFields('newDeadline', 'newDeadlineDays')}
            {text('extensionReason', '延期理由', 'Reason')}
          </>
        );
      case 'submit_for_acceptance':
        return (
          <>
            {text('rectificationRecord', '整改情况', 'Rectification record')}
            <Form.Item name="attachments" label={t('整改后照片或材料', 'Photos or documents after rectification')}>
              <AttachmentInput documents />
            </Form.Item>
            {major &&
              meta?.treatmentPlanParts.map((p) => (
                <Form.Item
                  key={p.value}
                  name={['treatmentPlan', p.value]}
                  label={`${t('治理方案：', 'Plan: ')}${label(p.label)}`}
                  initialValue={hazard.treatmentPlan[p.value] ?? undefined}
                >
                  <Input.TextArea rows={2} />
                </Form.Item>
              ))}
            {major &&
              meta?.implementations.map((i) => (
                <Form.Item
                  key={i.value}
                  name={['implementations', i.value]}
                  label={`${t('五落实：', 'Five implementations: ')}${label(i.label)}`}
                  initialValue={hazard.implementations[i.value] ?? undefined}
                >
                  <Input />
                </Form.Item>
              ))}
            {listed && text('assessmentReport', '治理情况评估报告', 'Assessment of the treatment')}
          </>
        );
      case 'accept':
        return text('acceptanceOpinion', '验收意见', 'Acceptance opinion');
      case 'reject':
        return text('rejectionReason', '不予通过的理由', 'Reason for rejection');
      case 'fix_on_the_spot':
        return (
          <>
            {text('onTheSpotRecord', '现场整改情况', 'What was fixed on the spot')}
            <Form.Item name="attachments" label={t('整改后照片', 'Photos after the fix')}>
              <AttachmentInput />
            </Form.Item>
          </>
        );
      default:
        return null;
    }
  };
  const submit = async (v: Values) => {
    const { attachments = [], mode: m, deadline, newDeadline, ...rest } = v;
    const evidence: Record<string, unknown> = { ...rest };
    for (const k of Object.keys(evidence)) if (evidence[k] === undefined || evidence[k] === null || evidence[k] === '') delete evidence[k];
    if (m === 'date') {
      delete evidence.deadlineDays;
      delete evidence.newDeadlineDays;
      delete evidence.deadlineUnit;
      if (deadline) evidence.deadline = day(deadline);
      if (newDeadline) evidence.newDeadline = day(newDeadline);
    }
    setSaving(true);
    try {
      const updated = await call('POST /api/hazards/:id/actions/:action', {
        params: { id: hazard.id, action: action as HazardActionKey },
        body: {
          version: hazard.version,
          evidence,
          attachments: attachments.map((a) => a.id),
        },
      });
      message.success(t('已办理', 'Done'));
      setGapYear(null);
      form.resetFields();
      onClose(updated);
    } catch (e) {
      const gap = e instanceof ApiError ? e.body.calendarGapYear : undefined;
      setGapYear(typeof gap === 'number' ? gap : null);
      const rest2 = placeErrors(form, e);
      if (rest2) message.error(rest2);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={!!action}
      title={label(labelIn(meta?.actions, action))}
      onCancel={() => {
        setGapYear(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, ...({ 'data-testid': 'action-confirm' } as Record<string, string>) }}
      destroyOnHidden
      width={640}
    >
      {gapYear && (
        <div style={{ marginBottom: 16 }}>
          <CalendarGapAlert year={gapYear} />
        </div>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        {fields()}
      </Form>
    </Modal>
  );
}
