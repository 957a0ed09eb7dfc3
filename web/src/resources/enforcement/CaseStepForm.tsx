// One step of a penalty case in its own dialog: only the fields that step takes, each labelled, dates with Ant Design's
// DatePicker (in the interface language), and the server's refusals shown on their fields.
import { useEffect, useState } from 'react';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseAction, CaseView } from '@anjian/contracts';
import { call, type RouteBody } from '../../api/client';
import { useCodeTables } from '../../api/codeTables';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';

type Field = 'fine' | 'on' | 'amountPaid' | 'extensionDays' | 'waived' | 'publish' | 'hearing' | 'presiderId' | 'hearingRecord';

/** The fields each step takes (act-on-case.ts reads the same ones); every step may carry a note. */
const stepFields: Record<CaseAction, Field[]> = {
  investigate: [],
  notify: ['fine'],
  request_hearing: ['on'],
  schedule_hearing: ['hearing', 'presiderId'],
  hold_hearing: ['on', 'presiderId', 'hearingRecord'],
  submit_review: ['waived'],
  approve_review: [],
  decide: ['fine', 'publish'],
  serve: ['on'],
  pay: ['amountPaid', 'on'],
  enforce: [],
  close: [],
  extend: ['extensionDays'],
  change_decision: [],
};
/** Steps whose note is the required reason. */
const reasonRequired = new Set<CaseAction>(['extend', 'change_decision']);

interface Values {
  note?: string;
  fine?: number;
  on?: Dayjs;
  amountPaid?: number;
  extensionDays?: number;
  waived?: boolean;
  publish?: boolean;
  hearingOn?: Dayjs;
  hearingPlace?: string;
  presiderId?: string;
  hearingRecord?: string;
}

export function CaseStepForm({
  c,
  action,
  presiders,
  onClose,
}: {
  c: CaseView;
  action: CaseAction | null;
  presiders: { id: string; displayName: string }[] | undefined;
  onClose(updated?: CaseView): void;
}) {
  const { t } = useI18n();
  const codes = useCodeTables();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setError(null);
    form.setFieldsValue({
      fine: c.fine ?? undefined,
      amountPaid: action === 'pay' && c.fine !== null ? c.fine + c.surcharge : undefined,
      publish: action === 'decide' ? c.publish : undefined,
      presiderId: c.hearing.presiderId ?? undefined,
    });
  }, [action, c, form]);
  if (!action) return null;
  const fields = new Set(stepFields[action]);
  const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body: RouteBody<'POST /api/enforcement/cases/:id/actions/:action'> = {
        version: c.version,
        note: v.note?.trim() || undefined,
        fine: fields.has('fine') ? v.fine : undefined,
        on: fields.has('on') ? day(v.on) : undefined,
        amountPaid: fields.has('amountPaid') ? v.amountPaid : undefined,
        extensionDays: fields.has('extensionDays') ? v.extensionDays : undefined,
        waived: fields.has('waived') ? v.waived || undefined : undefined,
        publish: fields.has('publish') ? v.publish : undefined,
        hearingOn: fields.has('hearing') ? day(v.hearingOn) : undefined,
        hearingPlace: fields.has('hearing') ? v.hearingPlace?.trim() || undefined : undefined,
        presiderId: fields.has('presiderId') ? v.presiderId : undefined,
        hearingRecord: fields.has('hearingRecord') ? v.hearingRecord?.trim() || undefined : undefined,
      };
      const updated = await call('POST /api/enforcement/cases/:id/actions/:action', { params: { id: c.id, action }, body });
      message.success(t('已办理', 'Done'));
      onClose(updated);
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setSaving(false);
    }
  };
  const earliest = c.hearing.earliestOn;
  return (
    <Modal
      open
      title={codes.label('caseAction', action)}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={t('确定', 'Confirm')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'case-step-submit' } as ButtonProps}
      destroyOnClose
    >
      {error && <ErrorDisplay error={error} />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid={`case-step-${action}`}>
        {fields.has('fine') && (
          <Form.Item name="fine" label={t('罚款金额（元）', 'Fine (yuan)')}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid="case-step-fine" />
          </Form.Item>
        )}
        {fields.has('amountPaid') && (
          <Form.Item
            name="amountPaid"
            label={t('缴款金额（元，含加处罚款）', 'Amount paid (yuan, surcharge included)')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} style={{ width: '100%' }} data-testid="case-step-amount" />
          </Form.Item>
        )}
        {fields.has('extensionDays') && (
          <Form.Item name="extensionDays" label={t('延长天数', 'Days added')} rules={[{ required: true }]}>
            <InputNumber min={1} max={90} style={{ width: '100%' }} data-testid="case-step-days" />
          </Form.Item>
        )}
        {fields.has('hearing') && (
          <>
            <Form.Item
              name="hearingOn"
              label={t('听证日期', 'Hearing date')}
              rules={[{ required: true }]}
              extra={earliest ? t(`最早 ${earliest}（提前7个工作日通知）`, `Earliest ${earliest} (7 working days' notice)`) : undefined}
            >
              <DatePicker style={{ width: '100%' }} data-testid="hearing-on" />
            </Form.Item>
            <Form.Item name="hearingPlace" label={t('听证地点', 'Hearing place')} rules={[{ required: true }]}>
              <Input data-testid="hearing-place" />
            </Form.Item>
          </>
        )}
        {fields.has('presiderId') && (
          <Form.Item name="presiderId" label={t('听证主持人（非本案调查人员）', 'Presiding officer (not an investigator)')}>
            <Select allowClear options={presiders?.map((p) => ({ value: p.id, label: p.displayName }))} data-testid="hearing-presider" />
          </Form.Item>
        )}
        {fields.has('hearingRecord') && (
          <Form.Item name="hearingRecord" label={t('听证笔录', 'Hearing record')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} data-testid="hearing-record" />
          </Form.Item>
        )}
        {fields.has('on') && (
          <Form.Item
            name="on"
            label={
              {
                request_hearing: t('当事人要求听证的日期', 'Day the party asked for a hearing'),
                hold_hearing: t('举行听证的日期', 'Day the hearing was held'),
                serve: t('送达日期', 'Day served'),
                pay: t('缴款日期', 'Day paid'),
              }[action as string] ?? t('日期', 'Date')
            }
            extra={t('不填为今天', 'Today if left empty')}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="case-step-on" />
          </Form.Item>
        )}
        {fields.has('waived') && (
          <Form.Item name="waived" valuePropName="checked">
            <Checkbox data-testid="case-step-waived">{t('当事人放弃陈述申辩和听证', 'The party waived statement and hearing')}</Checkbox>
          </Form.Item>
        )}
        {fields.has('publish') && (
          <Form.Item name="publish" valuePropName="checked">
            <Checkbox>{t('依法公示处罚决定', 'Publish the decision')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={reasonRequired.has(action) ? t('理由', 'Reason') : t('说明（可选）', 'Note (optional)')}
          rules={reasonRequired.has(action) ? [{ required: true }] : undefined}
        >
          <Input.TextArea rows={2} data-testid="case-step-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
