// 上报新单位 (网格登记): a unit found on patrol, filed as a provisional record for the street to confirm or merge.
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { sectors, type RegisterUnitBody } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { validValues } from '../../components/validValues';

export function RegisterUnit() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterUnitBody>();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as RegisterUnitBody;
    const pos = await new Promise<GeolocationPosition | null>((resolve) =>
      navigator.geolocation ? navigator.geolocation.getCurrentPosition(resolve, () => resolve(null), { timeout: 8000 }) : resolve(null),
    );
    if (pos) Object.assign(body, { lon: Number(pos.coords.longitude.toFixed(6)), lat: Number(pos.coords.latitude.toFixed(6)) });
    try {
      const r = await call('POST /api/grid/registrations', { body });
      message.success(t('已上报，待街道确认', 'Registered; the street will confirm it'));
      navigate(`/grid-registrations/${r.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Card title={t('上报新单位', 'Register a unit found on patrol')}>
      <Form form={form} layout="vertical" data-testid="grid-register-form">
        <Form.Item name="name" label={t('单位名称（招牌）', 'Name (as on the sign)')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('地址', 'Address')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="businessDescription" label={t('经营内容', 'What it does')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="sector" label={t('行业', 'Sector')}>
          <Select allowClear options={sectors.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('统一社会信用代码（如有）', 'Credit code (if known)')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="principalName" label={t('负责人', 'Person in charge')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="principalPhone" label={t('联系电话', 'Phone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Button block type="primary" size="large" onClick={() => void submit()}>
          {t('提交', 'Submit')}
        </Button>
      </Form>
    </Card>
  );
}
