// The rule editor's form: a condition from the catalogue with its parameters, a level, recipient groups and the
// suggested action. Used for a new rule (with a name) and for a new version of one (editing drafts a new version).
import { Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import {
  warningConditionKinds,
  warningConditionLabels,
  warningLevelLabels,
  warningLevels,
  warningRecipientGroups,
  type WarningConditionKind,
} from '@anjian/contracts';
import { useI18n } from '../../app/i18n';
import { conditionParams, recipientLabels } from './labels';

export interface RuleFormValues {
  name?: string;
  kind: WarningConditionKind;
  params: Record<string, number>;
  level: (typeof warningLevels)[number];
  recipients: (typeof warningRecipientGroups)[number][];
  action: string;
  note?: string;
}

export const ruleBody = (v: RuleFormValues) => ({
  condition: { kind: v.kind, params: v.params } as never,
  level: v.level,
  recipients: v.recipients,
  action: v.action,
  ...(v.note ? { note: v.note } : {}),
});

export function RuleForm({ form, withName }: { form: FormInstance<RuleFormValues>; withName: boolean }) {
  const { t, label } = useI18n();
  const kind = Form.useWatch('kind', form) as WarningConditionKind | undefined;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: 'overdue_hazards', params: { minCount: 3 }, level: 'yellow', recipients: ['street', 'district'] }}
      onValuesChange={(changed: Partial<RuleFormValues>) => {
        if (changed.kind) form.setFieldValue('params', Object.fromEntries(conditionParams[changed.kind].map((p) => [p.name, p.initial])));
      }}
    >
      {withName && (
        <Form.Item name="name" label={t('规则名称', 'Rule name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="rule-name" />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('警兆条件', 'Condition')} rules={[{ required: true }]}>
        <Select options={warningConditionKinds.map((k) => ({ value: k, label: label(warningConditionLabels[k]) }))} />
      </Form.Item>
      {(conditionParams[kind ?? 'overdue_hazards'] ?? []).map((p) => (
        <Form.Item key={p.name} name={['params', p.name]} label={label(p.label)} rules={[{ required: true }]}>
          <InputNumber min={p.min} max={p.max} precision={0} />
        </Form.Item>
      ))}
      <Form.Item name="level" label={t('预警级别', 'Level')} rules={[{ required: true }]}>
        <Select options={warningLevels.map((l) => ({ value: l, label: label(warningLevelLabels[l]) }))} />
      </Form.Item>
      <Form.Item name="recipients" label={t('接收对象', 'Recipients')} rules={[{ required: true }]}>
        <Select mode="multiple" options={warningRecipientGroups.map((g) => ({ value: g, label: label(recipientLabels[g]) }))} />
      </Form.Item>
      <Form.Item name="action" label={t('建议措施', 'Suggested action')} rules={[{ required: true, max: 1000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="note" label={t('版本说明', 'Version note')} rules={[{ max: 1000 }]}>
        <Input />
      </Form.Item>
    </Form>
  );
}
