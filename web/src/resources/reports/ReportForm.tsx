// The report form's fields, shared by the public page (举报, no login) and the officers' intake of other channels.
// Phone-first: one column, native date input, large controls.
import { Button, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { reportCategories, reportCategoryLabels } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import type { FormInstance } from 'antd';

export interface ReportFormValues {
  category: (typeof reportCategories)[number];
  areaCode: string;
  address: string;
  enterpriseName?: string;
  occurredOn: string;
  description: string;
  lon?: number;
  lat?: number;
  named?: boolean;
  reporterName?: string;
  reporterPhone?: string;
  reporterIdNumber?: string;
}

/** The request body from the form's values (the reporter block only when named). */
/** The request body's reporter fields → this form's flat fields, so the server's errors land under them. */
export const reportFieldNames: Record<string, string> = {
  'reporter.name': 'reporterName',
  'reporter.phone': 'reporterPhone',
  'reporter.idNumber': 'reporterIdNumber',
};

export function reportBody(v: ReportFormValues) {
  return {
    category: v.category,
    areaCode: v.areaCode,
    address: v.address,
    enterpriseName: v.enterpriseName || undefined,
    occurredOn: v.occurredOn,
    description: v.description,
    lon: v.lon,
    lat: v.lat,
    reporter: v.named ? { name: v.reporterName ?? '', phone: v.reporterPhone ?? '', idNumber: v.reporterIdNumber || undefined } : undefined,
  };
}

export function ReportFields({ form }: { form: FormInstance<ReportFormValues> }) {
  const { t, label } = useI18n();
  const areas = useQuery({ queryKey: ['report-areas'], queryFn: () => call('GET /api/public/report-areas') });
  const named = Form.useWatch('named', form);
  const lon = Form.useWatch('lon', form);
  const locate = () =>
    navigator.geolocation?.getCurrentPosition((p) =>
      form.setFieldsValue({ lon: Number(p.coords.longitude.toFixed(6)), lat: Number(p.coords.latitude.toFixed(6)) }),
    );
  return (
    <>
      <Form.Item name="category" label={t('举报类别', 'What is reported')} rules={[{ required: true }]}>
        <Select
          size="large"
          data-testid="report-category"
          options={reportCategories.map((c) => ({ value: c, label: label(reportCategoryLabels[c]) }))}
        />
      </Form.Item>
      <Form.Item name="areaCode" label={t('所在街道', 'Street')} rules={[{ required: true }]}>
        <Select
          size="large"
          showSearch
          optionFilterProp="label"
          data-testid="report-area"
          loading={areas.isLoading}
          options={(areas.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
        />
      </Form.Item>
      <Form.Item name="address" label={t('详细地点', 'Address')} rules={[{ required: true, max: 200 }]}>
        <Input size="large" data-testid="report-address" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button icon={<EnvironmentOutlined />} onClick={locate}>
            {t('使用当前位置', 'Use my location')}
          </Button>
          {lon !== undefined && <Typography.Text type="secondary">{t('已定位', 'Located')}</Typography.Text>}
        </Space>
      </Form.Item>
      <Form.Item name="lon" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="lat" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="enterpriseName" label={t('被举报单位（选填）', 'Enterprise reported (optional)')} rules={[{ max: 100 }]}>
        <Input size="large" data-testid="report-enterprise" />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('发现日期', 'When')} rules={[{ required: true }]}>
        <Input size="large" type="date" data-testid="report-date" />
      </Form.Item>
      <Form.Item name="description" label={t('举报内容', 'Description')} rules={[{ required: true, min: 5, max: 4000 }]}>
        <Input.TextArea rows={5} data-testid="report-description" />
      </Form.Item>
      <Form.Item name="named" label={t('实名举报', 'Give my name')} valuePropName="checked">
        <Switch data-testid="report-named" />
      </Form.Item>
      {named && (
        <>
          <Typography.Paragraph type="secondary">
            {t('举报人信息加密保存，仅经授权人员可查看，依法予以保密。', 'Your identity is encrypted and kept confidential by law.')}
          </Typography.Paragraph>
          <Form.Item name="reporterName" label={t('姓名', 'Name')} rules={[{ required: true, max: 50 }]}>
            <Input size="large" />
          </Form.Item>
          <Form.Item name="reporterPhone" label={t('联系电话', 'Phone')} rules={[{ required: true }]}>
            <Input size="large" inputMode="tel" />
          </Form.Item>
          <Form.Item name="reporterIdNumber" label={t('身份证号（领取奖励需要）', 'ID number (needed for a reward)')}>
            <Input size="large" />
          </Form.Item>
        </>
      )}
    </>
  );
}
