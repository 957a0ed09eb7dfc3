// Create or edit a control measure. Each measure becomes a check item in the scheduled task of its control level.
import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { measureTypeLabels, responsibleLevelLabels, type RiskMeasure } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { optionsOf } from '../enterprises/labels';
import { validValues } from '../../components/validValues';

export interface MeasureFormProps {
  eventId: string;
  /** undefined: closed; null: new measure. */
  measure: RiskMeasure | null | undefined;
  onClose(saved: boolean): void;
}

export function MeasureForm({ eventId, measure, onClose }: MeasureFormProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (measure !== undefined)
      form.setFieldsValue(measure ?? { type: 'engineering', description: '', responsibleLevel: undefined, responsiblePerson: '' });
  }, [measure, form]);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = { ...v, responsiblePerson: v.responsiblePerson || null };
    setSaving(true);
    try {
      if (measure) await call('PATCH /api/risk-measures/:id', { params: { id: measure.id }, body: { ...body, version: measure.version } });
      else await call('POST /api/risk-events/:id/measures', { params: { id: eventId }, body });
      onClose(true);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={measure !== undefined}
      title={measure ? t('编辑管控措施', 'Edit control measure') : t('新增管控措施', 'New control measure')}
      onCancel={() => onClose(false)}
      onOk={save}
      confirmLoading={saving}
      destroyOnClose
    >
      <Form form={form} layout="vertical">
        <Form.Item name="type" label={t('措施类型', 'Type')} rules={[{ required: true }]}>
          <Select options={optionsOf(measureTypeLabels, label)} />
        </Form.Item>
        <Form.Item name="description" label={t('措施内容', 'Measure')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={3} data-testid="measure-description" />
        </Form.Item>
        <Form.Item
          name="responsibleLevel"
          label={t('管控层级', 'Control level')}
          extra={t(
            '不选时按风险等级确定：重大、较大→公司级，一般→部门级，低→班组级',
            'Default by level: major/significant → company, general → department, low → team',
          )}
        >
          <Select allowClear options={optionsOf(responsibleLevelLabels, label)} />
        </Form.Item>
        <Form.Item name="responsiblePerson" label={t('责任人', 'Responsible person')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
