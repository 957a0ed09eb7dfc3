// Reporting a hidden danger, phone first: describe it, take photos, choose grade and kind, send.
// An enterprise account reports its own self-check findings; a regulator picks the enterprise and the source.
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { App, AutoComplete, Button, Card, Collapse, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { hazardDescriptionMinLength, type HazardFile, type HazardSourceKey, type ReportHazardBody } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { AttachmentInput } from './AttachmentInput';
import { MajorItemField } from './MajorItemField';
import { EnterprisePicker } from './EnterprisePicker';
import { useHazardMeta } from './meta';

interface Values {
  enterpriseId?: string;
  source: string;
  description: string;
  location?: string;
  category: string;
  grade: 'general' | 'major';
  accidentType?: string;
  majorItemId?: string;
  foundOn?: dayjs.Dayjs;
  responsiblePerson?: string;
  measures?: string;
  funds?: number;
  photos?: HazardFile[];
}

export function HazardCreate() {
  const { t, label } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const isEnterprise = !!user?.enterpriseId;
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? user?.enterpriseId ?? undefined;
  const grade = Form.useWatch('grade', form);
  const meta = useHazardMeta(enterpriseId ?? undefined).data;
  const sources = (meta?.sources ?? []).filter((s) => (isEnterprise ? s.finder === 'enterprise' : s.finder === 'regulator'));
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const created = await call('POST /api/hazards', {
        body: {
          enterpriseId: (isEnterprise ? user!.enterpriseId : v.enterpriseId)!,
          source: isEnterprise ? 'enterprise_self_check' : (v.source as HazardSourceKey),
          description: v.description,
          location: v.location || null,
          category: v.category as ReportHazardBody['category'],
          grade: v.grade,
          accidentType: v.accidentType || null,
          majorItemId: v.grade === 'major' ? (v.majorItemId ?? null) : null,
          foundOn: v.foundOn?.format('YYYY-MM-DD'),
          rectification: { responsiblePerson: v.responsiblePerson || null, measures: v.measures || null, funds: v.funds ?? null },
          attachments: (v.photos ?? []).map((p) => p.id),
        },
      });
      message.success(t(`已登记 ${created.number}`, `Reported as ${created.number}`));
      navigate(`/hazards/${created.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={t('上报隐患', 'Report a hidden danger')} styles={{ body: { maxWidth: 720 } }}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          grade: 'general',
          category: 'unsafe_condition',
          source: user?.role === 'grid_inspector' ? 'grid_patrol' : 'government_inspection',
          enterpriseId: params.get('enterpriseId') ?? undefined,
          foundOn: dayjs(),
        }}
      >
        {!isEnterprise && (
          <Form.Item
            name="enterpriseId"
            label={t('企业', 'Enterprise')}
            rules={[{ required: true, message: t('请选择企业', 'Choose the enterprise') }]}
          >
            <EnterprisePicker />
          </Form.Item>
        )}
        <Form.Item name="photos" label={t('现场照片', 'Photos')}>
          <AttachmentInput />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('隐患描述', 'Description')}
          rules={[
            { required: true, whitespace: true, message: t('请描述隐患', 'Describe the hidden danger') },
            {
              min: hazardDescriptionMinLength,
              transform: (v?: string) => v?.trim(),
              message: t(
                `隐患描述至少 ${hazardDescriptionMinLength} 个字`,
                `The description needs at least ${hazardDescriptionMinLength} characters`,
              ),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="hazard-description" />
        </Form.Item>
        <Form.Item name="location" label={t('隐患部位', 'Location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="grade" label={t('隐患等级', 'Grade')}>
          <Radio.Group optionType="button" options={(meta?.grades ?? []).map((g) => ({ value: g.value, label: label(g.label) }))} />
        </Form.Item>
        {grade === 'major' && <MajorItemField items={meta?.majorItems} />}
        <Form.Item name="category" label={t('隐患类别', 'Category')}>
          <Select options={(meta?.categories ?? []).map((c) => ({ value: c.value, label: label(c.label) }))} />
        </Form.Item>
        {!isEnterprise && (
          <Form.Item name="source" label={t('隐患来源', 'Source')}>
            <Select options={sources.map((s) => ({ value: s.value, label: label(s.label) }))} />
          </Form.Item>
        )}
        <Form.Item name="accidentType" label={t('可能导致的事故类型', 'Possible accident type')}>
          <AutoComplete
            allowClear
            options={(meta?.accidentTypes ?? []).map((a) => ({ value: a.value, label: `${label(a.label)}` }))}
            filterOption={(input, o) => String(o?.label ?? '').includes(input) || String(o?.value ?? '').includes(input)}
          />
        </Form.Item>
        <Form.Item name="foundOn" label={t('发现日期', 'Found on')}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Collapse
          ghost
          items={[
            {
              key: 'plan',
              label: t('整改安排（可稍后填写）', 'Rectification plan (can be added later)'),
              children: (
                <>
                  <Form.Item name="responsiblePerson" label={t('整改责任人', 'Responsible person')}>
                    <Input maxLength={64} />
                  </Form.Item>
                  <Form.Item name="measures" label={t('整改措施', 'Measures')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item name="funds" label={t('整改资金（元）', 'Funds (yuan)')}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
        <Button type="primary" htmlType="submit" loading={saving} block size="large" data-testid="hazard-submit">
          {t('提交', 'Submit')}
        </Button>
      </Form>
    </Card>
  );
}
