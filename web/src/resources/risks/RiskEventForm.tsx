// Create or edit a risk event and its assessment: LEC (L, E, C from the tables) or the 5×5 LS matrix, with D or R
// and the resulting colour shown live. Values outside the tables cannot be picked; the server checks again.
import { useEffect, useState } from 'react';
import { App, Descriptions, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import type { AssessmentInput, RiskEvent } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { RiskLevelTag, previewAssessment, useRiskReference } from './riskUi';
import { validValues } from '../../components/validValues';

export interface RiskEventFormProps {
  unitId: string;
  /** undefined: closed; null: new event; otherwise the event being edited. */
  event: RiskEvent | null | undefined;
  onClose(saved: boolean): void;
}

interface Values {
  name: string;
  hazardFactors?: string;
  consequences?: string;
  accidentCode?: string;
  method: 'none' | 'lec' | 'matrix';
  l?: number;
  e?: number;
  c?: number;
  s?: number;
}

export function RiskEventForm({ unitId, event, onClose }: RiskEventFormProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const ref = useRiskReference();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const values = Form.useWatch([], form) as Values | undefined;
  const scheme = event?.accidentType?.scheme ?? ref.data?.accidentTypes.current ?? 'GB6441-2025';

  useEffect(() => {
    if (event === undefined) return;
    const a = event?.assessment;
    form.setFieldsValue({
      name: event?.name,
      hazardFactors: event?.hazardFactors ?? undefined,
      consequences: event?.consequences ?? undefined,
      accidentCode: event?.accidentType?.code,
      method: a?.method ?? 'lec',
      l: a?.l,
      e: a?.method === 'lec' ? a.e : undefined,
      c: a?.method === 'lec' ? a.c : undefined,
      s: a?.method === 'matrix' ? a.s : undefined,
    });
  }, [event, form]);

  const assessmentOf = (v: Values): AssessmentInput | null => {
    if (v.method === 'lec' && v.l !== undefined && v.e !== undefined && v.c !== undefined) return { method: 'lec', l: v.l, e: v.e, c: v.c };
    if (v.method === 'matrix' && v.l !== undefined && v.s !== undefined) return { method: 'matrix', l: v.l, s: v.s };
    return null;
  };
  const preview = ref.data && values ? previewAssessment(ref.data, assessmentOf(values) ?? undefined) : null;

  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      name: v.name,
      hazardFactors: v.hazardFactors || null,
      consequences: v.consequences || null,
      accidentType: v.accidentCode ? { scheme, code: v.accidentCode } : null,
      assessment: assessmentOf(v),
    };
    setSaving(true);
    try {
      if (event) await call('PATCH /api/risk-events/:id', { params: { id: event.id }, body: { ...body, version: event.version } });
      else await call('POST /api/risk-units/:id/events', { params: { id: unitId }, body });
      message.success(t('已保存', 'Saved'));
      onClose(true);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  const opts = (rows: { value: number | string; label: { zh: string; en: string } }[]) =>
    rows.map((r) => ({ value: r.value, label: `${r.value} — ${label(r.label)}` }));
  const scores = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));
  return (
    <Modal
      open={event !== undefined}
      title={event ? t('编辑风险事件', 'Edit risk event') : t('新增风险事件', 'New risk event')}
      onCancel={() => onClose(false)}
      onOk={save}
      confirmLoading={saving}
      destroyOnClose
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ method: 'lec' }}>
        <Form.Item name="name" label={t('风险事件（可能发生什么）', 'Risk event (what can happen)')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="event-name" />
        </Form.Item>
        <Form.Item name="hazardFactors" label={t('危险有害因素', 'Hazard factors')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="consequences" label={t('可能导致的后果', 'Possible consequences')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="accidentCode" label={`${t('事故类别', 'Accident type')} (${scheme})`}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={ref.data ? opts(ref.data.accidentTypes.schemes[scheme] ?? []) : []}
          />
        </Form.Item>
        <Form.Item name="method" label={t('评价方法', 'Method')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'lec', label: t('LEC 作业条件危险性评价法', 'LEC') },
              { value: 'matrix', label: t('LS 风险矩阵', 'LS matrix') },
              { value: 'none', label: t('暂不评价', 'Later') },
            ]}
          />
        </Form.Item>
        {values?.method === 'lec' && ref.data && (
          <>
            <Form.Item name="l" label={t('L 事故发生的可能性', 'L, likelihood')}>
              <Select options={opts(ref.data.lecTables.l)} data-testid="lec-l" />
            </Form.Item>
            <Form.Item name="e" label={t('E 暴露于危险环境的频繁程度', 'E, exposure')}>
              <Select options={opts(ref.data.lecTables.e)} data-testid="lec-e" />
            </Form.Item>
            <Form.Item name="c" label={t('C 发生事故可能造成的后果', 'C, consequence')}>
              <Select options={opts(ref.data.lecTables.c)} data-testid="lec-c" />
            </Form.Item>
          </>
        )}
        {values?.method === 'matrix' && (
          <Space size="large">
            <Form.Item name="l" label={t('L 可能性（1–5）', 'L, likelihood (1–5)')}>
              <Select options={scores} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="s" label={t('S 严重性（1–5）', 'S, severity (1–5)')}>
              <Select options={scores} style={{ width: 120 }} />
            </Form.Item>
          </Space>
        )}
        {preview && ref.data && (
          <Descriptions size="small" bordered column={1} data-testid="assessment-preview">
            <Descriptions.Item label={values?.method === 'lec' ? 'D = L × E × C' : 'R = L × S'}>
              <Typography.Text strong>{preview.value}</Typography.Text>
              {preview.degree && <span> · {label(ref.data.dangerDegreeLabels[preview.degree])}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('风险等级', 'Risk level')}>
              <RiskLevelTag level={preview.level} />
            </Descriptions.Item>
          </Descriptions>
        )}
      </Form>
    </Modal>
  );
}
