// Adding or correcting an 安责险 policy (phone-first: one column). The premium is typed in yuan and sent in fen.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber } from 'antd';
import type { PolicyView } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { validValues } from '../../components/validValues';

export function PolicyForm({ enterpriseId, policy, onDone }: { enterpriseId: string; policy?: PolicyView; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const fields = {
      insurer: v.insurer,
      policyNo: v.policyNo,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      insuredPersons: v.insuredPersons,
      premiumFen: Math.round(Number(v.premiumYuan) * 100),
      rateFactor: v.rateFactor,
    };
    setBusy(true);
    try {
      if (policy)
        await call('PATCH /api/insurance/policies/:id', { params: { id: policy.id }, body: { ...fields, version: policy.version } });
      else await call('POST /api/insurance/policies', { body: { ...fields, enterpriseId } });
      form.resetFields();
      onDone();
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      data-testid="policy-form"
      initialValues={policy ? { ...policy, premiumYuan: policy.premiumFen / 100 } : { rateFactor: 1, insuredPersons: 0 }}
    >
      <Form.Item name="insurer" label={t('承保机构', 'Insurer')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="policyNo" label={t('保单号', 'Policy number')} rules={[{ required: true, max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="startsOn" label={t('保险起期', 'Starts on')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="endsOn" label={t('保险止期', 'Ends on')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="insuredPersons" label={t('参保人数', 'Insured persons')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="premiumYuan" label={t('保费（元）', 'Premium (yuan)')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="rateFactor" label={t('浮动费率系数', 'Floating rate factor')} rules={[{ required: true }]}>
        <InputNumber min={0.1} max={5} step={0.05} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" block loading={busy} onClick={save}>
        {t('保存', 'Save')}
      </Button>
    </Form>
  );
}
