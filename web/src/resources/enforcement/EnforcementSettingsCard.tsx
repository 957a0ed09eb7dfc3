// The deployment's penalty-procedure settings (district bureau): the 较大数额 threshold from which the 告知书 offers a
// hearing, the working days to ask for one and of notice before it (行政处罚法 §85), and whether hearing time counts
// against the 90-day decision limit. Saving applies to every case at once (due dates and the hearing right are
// computed on read).
import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber, Switch, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnforcementSettings } from '@anjian/contracts';
import { call, ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { validValues } from '../../components/validValues';

export function EnforcementSettingsCard() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<EnforcementSettings>();
  const q = useQuery({ queryKey: ['enforcement-settings'], queryFn: () => call('GET /api/enforcement/settings') });
  const s = q.data;
  useEffect(() => {
    if (s) form.setFieldsValue(s);
  }, [s, form]);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const ok = await modal.confirm({
      title: t('保存全区行政处罚程序设置？', 'Save the district-wide penalty procedure settings?'),
      content: t(
        '这些设置适用于全区所有行政处罚案件，包括正在办理的案件：听证权利和各项期限将立即按新设置计算。',
        'These settings apply to every penalty case in the district, open ones included: hearing rights and deadlines follow them at once.',
      ),
      okText: t('保存', 'Save'),
      cancelText: t('取消', 'Cancel'),
    });
    if (!ok) return;
    try {
      await call('PUT /api/enforcement/settings', { body: v });
      message.success(t('已保存，所有案件按新设置计算', 'Saved; every case now follows the new settings'));
      await qc.invalidateQueries({ queryKey: ['enforcement-settings'] });
      await qc.invalidateQueries({ queryKey: ['cases'] });
      await qc.invalidateQueries({ queryKey: ['GET /api/enforcement/cases/:id'] });
    } catch (e) {
      // Each refusal on its field; anything else as a message.
      if (e instanceof ApiError && e.details.length > 0) {
        form.setFields(e.details.map((d) => ({ name: d.field.split('.') as never, errors: [d.message] })));
      } else message.error((e as Error).message);
    }
  };
  const d = s?.defaults;
  const dflt = (v: unknown, unit = '') => (d ? `${t('默认', 'default')} ${String(v)}${unit}` : '');
  return (
    <Card
      title={t('行政处罚程序设置', 'Penalty procedure settings')}
      loading={q.isLoading}
      data-testid="enforcement-settings"
      extra={
        <Button type="primary" onClick={() => void save()} data-testid="enforcement-settings-save">
          {t('保存', 'Save')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ maxWidth: 720 }}>
        {t(
          '较大数额罚款标准由各省规定；默认值为《安全生产违法行为行政处罚办法》的标准。要求听证和听证通知的期限按工作日计算，不含法定节假日（《行政处罚法》第八十五条），调休上班日计入。听证时间是否计入办案期限，以本省行政处罚程序规定为准。',
          'Each province sets the large-fine threshold; the defaults are those of the national safety penalty measures. The periods to request a hearing and of notice before it count working days, public holidays excluded and make-up working weekends included (行政处罚法 §85). Whether hearing time counts against the decision limit follows the province’s procedure rules.',
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item
          name={['hearingThreshold', 'natural_person']}
          label={t('较大数额罚款：公民（元，达到即告知听证权利）', 'Large fine: natural person (yuan, from which a hearing is offered)')}
          extra={dflt(d?.hearingThreshold.natural_person)}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} precision={0} style={{ width: 200 }} data-testid="threshold-person" />
        </Form.Item>
        <Form.Item
          name={['hearingThreshold', 'organisation']}
          label={t('较大数额罚款：法人或其他组织（元）', 'Large fine: organisation (yuan)')}
          extra={dflt(d?.hearingThreshold.organisation)}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} precision={0} style={{ width: 200 }} data-testid="threshold-organisation" />
        </Form.Item>
        <Form.Item
          name="hearingRequestDays"
          label={t('要求听证期限（告知后工作日数）', 'Working days to request a hearing (after the notice)')}
          extra={dflt(d?.hearingRequestDays, t(' 个工作日', ' working days'))}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={30} precision={0} data-testid="request-days" />
        </Form.Item>
        <Form.Item
          name="hearingNoticeDays"
          label={t('听证通知提前工作日数', 'Working days of notice before a hearing')}
          extra={dflt(d?.hearingNoticeDays, t(' 个工作日', ' working days'))}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={30} precision={0} data-testid="notice-days" />
        </Form.Item>
        <Form.Item
          name="hearingExcludedFromDecisionLimit"
          label={t('听证时间不计入90日办案期限', 'Hearing time not counted in the 90-day decision limit')}
          extra={t(
            '自当事人要求听证之日起至举行听证之日止（自然日）；听证未举行时期限暂停',
            'Calendar days from the request to the day the hearing is held; paused while it is pending',
          )}
          valuePropName="checked"
        >
          <Switch data-testid="hearing-excluded" />
        </Form.Item>
      </Form>
    </Card>
  );
}
