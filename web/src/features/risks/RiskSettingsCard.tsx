// The deployment's risk settings (district administrators): which LEC edge reading and which LS-matrix bands
// colour the risks, and how often each control level checks. Saving re-levels every stored assessment.
import { useEffect } from 'react';
import { App, Button, Card, Form, Select, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { checkFrequencyLabels, responsibleLevelLabels, responsibleLevels } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { optionsOf } from '../../resources/enterprises/labels';
import { useRiskReference } from '../../resources/risks/riskUi';
import { validValues } from '../../components/validValues';

export function RiskSettingsCard() {
  const { t, label } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const ref = useRiskReference();
  const [form] = Form.useForm();
  const s = ref.data?.settings;
  useEffect(() => {
    if (s)
      form.setFieldsValue({
        lecConfigId: s.lec.id,
        matrixPresetId: s.matrix.id,
        frequencies: s.frequencies,
        dailyOnWorkdaysOnly: s.dailyOnWorkdaysOnly,
      });
  }, [s, form]);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    // District-wide: every enterprise's risks are re-levelled and every check schedule follows.
    const ok = await modal.confirm({
      title: t('保存全区风险设置？', 'Save the district-wide risk settings?'),
      content: t(
        '这些设置适用于全区所有企业：保存后将按新设置重新评定所有已录入的风险，并改变各管控层级的排查频次。',
        "These settings apply to every enterprise in the district: saving re-levels every recorded risk and changes each control level's check frequency.",
      ),
      okText: t('保存', 'Save'),
      cancelText: t('取消', 'Cancel'),
    });
    if (!ok) return;
    try {
      await call('PATCH /api/risks/settings', { body: v.matrixPresetId === 'custom' ? { ...v, matrixPresetId: undefined } : v });
      message.success(t('已保存，已按新设置重新评定', 'Saved; assessments re-levelled'));
      await qc.invalidateQueries();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  if (!ref.data) return null;
  return (
    <Card
      title={t('风险评价与排查频次设置', 'Assessment and check settings')}
      extra={
        <Button type="primary" onClick={() => void save()} data-testid="risk-settings-save">
          {t('保存', 'Save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item name="lecConfigId" label={t('LEC 分档边界', 'LEC band edges')}>
          <Select options={ref.data.lecPresets.map((p) => ({ value: p.id, label: label(p.label) }))} />
        </Form.Item>
        <Form.Item name="matrixPresetId" label={t('风险矩阵分级', 'Matrix bands')}>
          <Select
            options={[
              ...ref.data.matrixPresets.map((p) => ({ value: p.id, label: `${label(p.name)}` })),
              ...(s?.matrix.id === 'custom' ? [{ value: 'custom', label: t('本地自定义', 'Custom') }] : []),
            ]}
          />
        </Form.Item>
        {responsibleLevels.map((l) => (
          <Form.Item key={l} name={['frequencies', l]} label={`${label(responsibleLevelLabels[l])} ${t('排查频次', 'check frequency')}`}>
            <Select options={optionsOf(checkFrequencyLabels, label)} />
          </Form.Item>
        ))}
        <Form.Item
          name="dailyOnWorkdaysOnly"
          label={t('每日排查仅在法定工作日', 'Daily checks on official working days only')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Form>
    </Card>
  );
}
