// Registers or edits an accident. The level is shown live as casualties are typed (the server grades
// them: POST /api/accidents/grade-preview), and after the 补报 window the casualty counts are locked.
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { sectorLabels, type AccidentLevelKey } from '@anjian/contracts';
import { call, type RouteBody } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { AreaCascader } from '../../components/AreaCascader';
import { EnterprisePicker } from '../hazards/EnterprisePicker';
import { schemeOn, useAccidentCodes } from './codeTables';
import { LevelTag } from './LevelTag';

interface Values {
  occurredAt: Dayjs;
  areaCode: string;
  address: string;
  enterpriseId?: string;
  unitName?: string;
  sector?: string;
  category: string;
  typeCode: string;
  causeCategory: string;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossWan: number;
  description?: string;
  headInformedAt?: Dayjs;
  unitReportedAt?: Dayjs;
  casualtiesChangedAt?: Dayjs;
  changeNote?: string;
}

const iso = (d?: Dayjs | null) => (d ? d.format() : undefined);

/** The level for the casualties as typed, asked of the server a moment after typing stops. */
function useLivePreview(c: { deaths?: number; missing?: number; seriousInjuries?: number; directLossWan?: number }) {
  const [preview, setPreview] = useState<{ level: AccidentLevelKey; reachedBy: string[] } | null>(null);
  const key = JSON.stringify(c);
  useEffect(() => {
    const body = {
      deaths: c.deaths ?? 0,
      missing: c.missing ?? 0,
      seriousInjuries: c.seriousInjuries ?? 0,
      directLossWan: c.directLossWan ?? 0,
    };
    const timer = setTimeout(() => {
      call('POST /api/accidents/grade-preview', { body })
        .then(setPreview)
        .catch(() => setPreview(null));
    }, 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return preview;
}

export function AccidentForm() {
  const { id } = useParams<{ id: string }>();
  const editing = !!id;
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { codes } = useAccidentCodes();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const current = useQuery({
    queryKey: ['accident', id],
    queryFn: () => call('GET /api/accidents/:id', { params: { id: id! } }),
    enabled: editing,
  });
  const a = current.data;
  useEffect(() => {
    if (!a) return;
    form.setFieldsValue({
      ...a,
      occurredAt: dayjs(a.occurredAt),
      headInformedAt: a.headInformedAt ? dayjs(a.headInformedAt) : undefined,
      enterpriseId: a.enterpriseId ?? undefined,
      unitName: a.unitName ?? undefined,
      sector: a.sector ?? undefined,
      description: a.description ?? undefined,
    });
  }, [a, form]);
  const occurredAt = Form.useWatch('occurredAt', form);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const casualties = {
    deaths: Form.useWatch('deaths', form),
    missing: Form.useWatch('missing', form),
    seriousInjuries: Form.useWatch('seriousInjuries', form),
    directLossWan: Form.useWatch('directLossWan', form),
  };
  const preview = useLivePreview(casualties);
  const scheme = editing && a ? a.typeScheme : schemeOn((occurredAt ?? dayjs()).format('YYYY-MM-DD'), codes?.gb2025EffectiveDate);
  const locked = editing && a && !a.canRegrade;
  if (editing && current.isLoading) return <Spin style={{ margin: 48 }} />;

  const save = async (v: Values) => {
    setSaving(true);
    const common = {
      areaCode: v.areaCode,
      address: v.address,
      enterpriseId: v.enterpriseId ?? null,
      unitName: v.unitName || null,
      sector: v.enterpriseId ? undefined : (v.sector ?? null),
      category: v.category,
      typeCode: v.typeCode,
      causeCategory: v.causeCategory,
      deaths: v.deaths,
      missing: v.missing,
      seriousInjuries: v.seriousInjuries,
      minorInjuries: v.minorInjuries,
      directLossWan: v.directLossWan,
      description: v.description || null,
      headInformedAt: iso(v.headInformedAt) ?? null,
    };
    try {
      const saved = editing
        ? await call('PATCH /api/accidents/:id', {
            params: { id },
            body: {
              ...common,
              version: a!.version,
              occurredAt: iso(v.occurredAt),
              typeScheme: scheme,
              casualtiesChangedAt: iso(v.casualtiesChangedAt),
              changeNote: v.changeNote || undefined,
            } as RouteBody<'PATCH /api/accidents/:id'>,
          })
        : await call('POST /api/accidents', {
            body: {
              ...common,
              occurredAt: iso(v.occurredAt)!,
              typeScheme: scheme,
              unitReportedAt: iso(v.unitReportedAt) ?? null,
            } as RouteBody<'POST /api/accidents'>,
          });
      qc.setQueryData(['accident', saved.id], saved);
      await qc.invalidateQueries({ queryKey: ['accidents'] });
      message.success(t('已保存', 'Saved'));
      navigate(`/accidents/${saved.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  const opts = (list?: { key: string; label: { zh: string; en: string } }[]) => list?.map((e) => ({ value: e.key, label: label(e.label) }));
  const count = (name: keyof Values, text: string) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={text} rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} disabled={!!locked} data-testid={`accident-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Card title={editing ? t('修改事故信息', 'Edit accident') : t('登记事故', 'Register accident')}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          occurredAt: dayjs(),
          deaths: 0,
          missing: 0,
          seriousInjuries: 0,
          minorInjuries: 0,
          directLossWan: 0,
          causeCategory: 'undetermined',
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="occurredAt" label={t('发生时间', 'Time of the accident')} rules={[{ required: true }]}>
              <DatePicker showTime style={{ width: '100%' }} data-testid="accident-occurredAt" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="areaCode" label={t('发生地区划', 'Area')} rules={[{ required: true }]}>
              <AreaCascader placeholder={t('选择街道/社区', 'Choose a street or community')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="address" label={t('详细地点', 'Place')} rules={[{ required: true }]}>
              <Input maxLength={200} data-testid="accident-address" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="enterpriseId" label={t('事故单位（已建档）', 'Unit (registered enterprise)')}>
              <EnterprisePicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="unitName" label={t('事故单位名称（未建档时填写）', 'Unit name (if not registered)')}>
              <Input maxLength={100} data-testid="accident-unitName" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="sector" label={t('行业（无建档企业时）', 'Sector (without an enterprise)')}>
              <Select
                allowClear
                disabled={!!enterpriseId}
                options={Object.entries(sectorLabels).map(([k, l]) => ({ value: k, label: label(l) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={t('事故类型', 'Category')} rules={[{ required: true }]}>
              <Select options={opts(codes?.categories)} data-testid="accident-category" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="typeCode"
              label={`${t('事故类别', 'Accident type')}${t('（', ' (')}${scheme}${t('）', ')')}`}
              rules={[{ required: true }]}
            >
              <Select showSearch optionFilterProp="label" options={opts(codes?.types[scheme])} data-testid="accident-typeCode" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="causeCategory" label={t('直接原因类别', 'Cause category')}>
              <Select options={opts(codes?.causes)} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('伤亡和损失', 'Casualties and loss')}</Typography.Title>
        {locked && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t(
              `补报期已于${a!.supplementaryWindowLastDay}届满，伤亡人数不能再更改（条例第十三条）；直接经济损失仍可按调查核定数更正。`,
              `The supplementary-report window closed on ${a!.supplementaryWindowLastDay}: casualties can no longer change (Decree 493, Art. 13); the direct loss may still be corrected.`,
            )}
          />
        )}
        <Row gutter={16}>
          {count('deaths', t('死亡（人）', 'Deaths'))}
          {count('missing', t('失踪（人）', 'Missing'))}
          {count('seriousInjuries', t('重伤（含急性工业中毒）', 'Serious injuries (incl. acute poisoning)'))}
          {count('minorInjuries', t('轻伤（人）', 'Minor injuries'))}
          <Col xs={12} md={6}>
            <Form.Item name="directLossWan" label={t('直接经济损失（万元）', 'Direct loss (10,000 yuan)')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={4} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item label={t('事故等级（按条例第三条自动判定）', 'Level (graded per Decree 493, Art. 3)')}>
              <Space data-testid="accident-level-preview">
                {preview ? <LevelTag level={preview.level} /> : <Spin size="small" />}
                {preview && preview.reachedBy.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('达到该等级的条件：', 'Reached by: ')}
                    {preview.reachedBy
                      .map(
                        (r) =>
                          ({
                            deaths: t('死亡（含失踪）', 'deaths (incl. missing)'),
                            seriousInjuries: t('重伤', 'serious injuries'),
                            directLoss: t('直接经济损失', 'direct loss'),
                          })[r as 'deaths'],
                      )
                      .join(t('、', ', '))}
                  </Typography.Text>
                )}
              </Space>
            </Form.Item>
          </Col>
        </Row>
        {editing && !locked && (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="casualtiesChangedAt" label={t('伤亡变化时间（如伤者死亡时间）', 'When the casualties changed')}>
                <DatePicker showTime style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="changeNote" label={t('变化说明', 'What changed')}>
                <Input maxLength={500} data-testid="accident-changeNote" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="headInformedAt" label={t('单位负责人接报时间', 'Unit head informed at')}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {!editing && (
            <Col xs={24} md={8}>
              <Form.Item name="unitReportedAt" label={t('县级部门接到单位报告时间', 'County department received the unit’s report at')}>
                <DatePicker showTime style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24}>
            <Form.Item name="description" label={t('事故简要经过', 'Brief account')}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="accident-save">
            {t('保存', 'Save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('取消', 'Cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
