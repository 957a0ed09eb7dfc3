// The scheme editor: title, year, indicators (name, weight, source, scoring rule and its numbers), vetoes and the
// assessed units. Used to create a scheme and to edit a draft one (with its version).
import { Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  indicatorSourceLabels,
  indicatorSources,
  vetoKinds,
  vetoLabels,
  type IndicatorDef,
  type IndicatorSource,
  type SchemeView,
  type ScoringRule,
  type VetoKind,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { validValues } from '../../components/validValues';

type RuleKind = 'linear' | 'step_short' | 'count_reduction' | 'double_decline';
interface IndicatorRow {
  key: string;
  name: string;
  weight: number;
  source: IndicatorSource;
  kind: RuleKind;
  target?: number;
  step?: number;
  deduct?: number;
  reductionPct?: number;
}
export interface SchemeFormValues {
  title: string;
  year: number;
  indicators: IndicatorRow[];
  vetoes: VetoKind[];
  unitOrgIds: string[];
}

const ruleOf = (r: IndicatorRow): ScoringRule => {
  switch (r.kind) {
    case 'linear':
      return { kind: 'linear', target: r.target ?? 100 };
    case 'step_short':
      return { kind: 'step_short', target: r.target ?? 100, step: r.step ?? 10, deduct: r.deduct ?? 0.5 };
    case 'count_reduction':
      return { kind: 'count_reduction', reductionPct: r.reductionPct ?? 5 };
    case 'double_decline':
      return { kind: 'double_decline' };
  }
};
export const indicatorsOf = (rows: IndicatorRow[]): IndicatorDef[] =>
  rows.map((r) => ({ key: r.key, name: r.name, weight: r.weight, source: r.source, rule: ruleOf(r) }));

export const formValuesOf = (s: SchemeView): SchemeFormValues => ({
  title: s.title,
  year: s.year,
  vetoes: s.vetoes,
  unitOrgIds: s.units.map((u) => u.id),
  indicators: s.indicators.map((i) => ({
    key: i.key,
    name: i.name,
    weight: i.weight,
    source: i.source,
    kind: i.rule.kind === 'thresholds' ? 'linear' : i.rule.kind,
    ...(i.rule.kind === 'linear' ? { target: i.rule.target } : {}),
    ...(i.rule.kind === 'step_short' ? { target: i.rule.target, step: i.rule.step, deduct: i.rule.deduct } : {}),
    ...(i.rule.kind === 'count_reduction' ? { reductionPct: i.rule.reductionPct } : {}),
  })),
});

/** The defaults follow the seeds: Huiji 003 (−0.5 per 10 points short), Liangping 004 (deaths −5 %, vetoes). */
export const schemeDefaults: SchemeFormValues = {
  title: '',
  year: new Date().getFullYear(),
  vetoes: ['larger_accident', 'concealment'],
  unitOrgIds: [],
  indicators: [
    {
      key: 'hazards',
      name: '隐患按期整改率',
      weight: 20,
      source: 'hazards_on_time',
      kind: 'step_short',
      target: 90,
      step: 10,
      deduct: 0.5,
    },
    { key: 'reports', name: '工作进展按时报送率', weight: 10, source: 'workplan_reports_on_time', kind: 'linear', target: 100 },
    {
      key: 'deaths',
      name: '事故死亡人数较上年下降5%',
      weight: 15,
      source: 'accident_deaths_reduction',
      kind: 'count_reduction',
      reductionPct: 5,
    },
  ],
};

export function SchemeForm({
  open,
  title,
  initial,
  lockYear,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  initial: SchemeFormValues;
  lockYear?: boolean;
  onCancel: () => void;
  onSubmit: (v: SchemeFormValues, form: ReturnType<typeof Form.useForm<SchemeFormValues>>[0]) => Promise<void>;
}) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<SchemeFormValues>();
  const orgs = useQuery({ queryKey: ['organisations'], queryFn: () => call('GET /api/organisations'), enabled: open });
  const units = (orgs.data ?? []).filter((o) =>
    ['street_office', 'industry_department', 'park_station', 'bureau_division'].includes(o.kind),
  );
  const rules: { value: RuleKind; label: string }[] = [
    { value: 'linear', label: t('按比例', 'Pro rata') },
    { value: 'step_short', label: t('每少N个百分点扣分', 'Deduct per N points short') },
    { value: 'count_reduction', label: t('较上年下降N%', 'Down N % on last year') },
    { value: 'double_decline', label: t('双下降', 'Both down') },
  ];
  return (
    <Modal
      open={open}
      title={title}
      width={900}
      destroyOnHidden
      onCancel={onCancel}
      onOk={async () => {
        const v = await validValues(form);
        if (v) await onSubmit(v, form);
      }}
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Space wrap>
          <Form.Item name="title" label={t('方案名称', 'Title')} rules={[{ required: true, max: 200 }]} style={{ minWidth: 360 }}>
            <Input />
          </Form.Item>
          <Form.Item name="year" label={t('年度', 'Year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} disabled={lockYear} />
          </Form.Item>
        </Space>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ borderBottom: '1px dashed #eee', marginBottom: 8 }}>
                  <Form.Item
                    name={[f.name, 'key']}
                    rules={[
                      { required: true },
                      {
                        pattern: /^[a-z][a-z0-9_]{0,39}$/,
                        message: t('小写字母开头，仅含小写字母、数字和下划线', 'A lower-case letter first, then letters, digits or _'),
                      },
                    ]}
                  >
                    <Input placeholder="key" style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, max: 100 }]}>
                    <Input placeholder={t('指标', 'Indicator')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber min={0.5} max={100} placeholder={t('分值', 'Weight')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'source']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 220 }}
                      options={indicatorSources.map((s) => ({ value: s, label: label(indicatorSourceLabels[s]) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select style={{ width: 170 }} options={rules} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'target']} tooltip={t('目标（%）', 'Target (%)')}>
                    <InputNumber min={0} max={100} placeholder={t('目标%', 'Target %')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'step']}>
                    <InputNumber min={0.01} max={100} placeholder={t('每N点', 'per N')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'deduct']}>
                    <InputNumber min={0} max={100} placeholder={t('扣分', 'deduct')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reductionPct']}>
                    <InputNumber min={0} max={100} placeholder={t('下降%', 'down %')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ source: 'entered', kind: 'linear', target: 100 })}>
                {t('添加指标', 'Add an indicator')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="vetoes" label={t('一票否决', 'Vetoes')} style={{ marginTop: 12 }}>
          <Checkbox.Group options={vetoKinds.map((k) => ({ value: k, label: label(vetoLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="unitOrgIds" label={t('被考核单位', 'Assessed units')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            loading={orgs.isLoading}
            optionFilterProp="label"
            options={units.map((o) => ({ value: o.id, label: o.shortName ?? o.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
