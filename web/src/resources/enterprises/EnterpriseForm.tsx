// Create and edit share one form. Each field is checked live with the same zod rule the server uses;
// rules needing the database (credit-code uniqueness, area scope) come back from the server per field.
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Spin, Switch } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { createEnterpriseBody } from '@anjian/contracts';
import { call } from '../../api/client';
import { applyApiErrors } from '../../components/apiErrors';
import { AreaCascader } from '../../components/AreaCascader';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { codeTables, optionsOf } from './labels';
import { validValues } from '../../components/validValues';

const shape = createEnterpriseBody.shape;
type FieldName = keyof typeof shape;
const dateFields = ['standardizationDate', 'standardizationExpiry'] as const;

/** An Ant Design rule running the contract's zod schema for one field (messages from the server's table). */
/** `loaded`: the record's value; left unchanged it is not sent, so not checked (a phone shown masked, 138****5678). */
function zodRule(name: FieldName, t: (zh: string, en: string) => string, loaded?: unknown) {
  return {
    validator: async (_: unknown, value: unknown) => {
      if (value === undefined || value === '' || value === null || (loaded !== undefined && value === loaded)) return;
      const schema = shape[name] as z.ZodTypeAny;
      const r = schema.safeParse(value);
      if (!r.success)
        throw new Error(r.error.issues[0]?.message.includes('.') ? t('格式不正确', 'Invalid format') : r.error.issues[0]?.message);
    },
  };
}

export function EnterpriseForm() {
  const { id } = useParams<{ id: string }>();
  const editing = !!id;
  const { t, label } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  // 网格登记 confirmed by the street: the form opens prefilled from the provisional unit, which is confirmed with the
  // new enterprise once it is saved (grid module, POST /api/grid/registrations/:id/act).
  const fromGrid = (useLocation().state ?? null) as {
    prefill?: Record<string, unknown>;
    gridRegistration?: { id: string; version: number };
  } | null;
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useQuery({
    queryKey: ['enterprise', id],
    queryFn: () => call('GET /api/enterprises/:id', { params: { id: id! } }),
    enabled: editing,
  });
  const parks = useQuery({ queryKey: ['parks'], queryFn: () => call('GET /api/parks') });
  if (editing && current.isLoading) return <Spin style={{ margin: 48 }} />;
  const e = current.data;
  const canReassign = !editing || !!e?.abilities.includes('reassign');
  const initial = e
    ? { ...e, ...Object.fromEntries(dateFields.map((f) => [f, e[f] ? dayjs(e[f]) : null])) }
    : {
        unitType: 'enterprise',
        scale: 'below',
        smallMicro: true,
        isKey: false,
        operatingStatus: 'operating',
        threeSimultaneous: 'not_applicable',
        hazardTags: [],
        sector: 'machinery',
        ...fromGrid?.prefill,
      };

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    for (const f of dateFields) values[f] = values[f] ? (values[f] as Dayjs).format('YYYY-MM-DD') : null;
    for (const k of Object.keys(values)) if (values[k] === '' || values[k] === undefined) delete values[k];
    if (typeof values.formerNames === 'string')
      values.formerNames = values.formerNames
        .split(/[,，、\n]/)
        .map((s: string) => s.trim())
        .filter(Boolean);
    if (editing) {
      // Send only what changed: enterprise users may not touch the supervision fields at all.
      for (const k of Object.keys(values)) {
        if (JSON.stringify(values[k]) === JSON.stringify((e as Record<string, unknown>)[k] ?? null)) delete values[k];
      }
    }
    setBusy(true);
    setError(null);
    try {
      const saved = editing
        ? await call('PATCH /api/enterprises/:id', { params: { id }, body: { ...values, version: e!.version } })
        : await call('POST /api/enterprises', { body: values });
      await qc.invalidateQueries({ queryKey: ['enterprises'] });
      qc.setQueryData(['enterprise', saved.id], saved);
      const reg = !editing ? fromGrid?.gridRegistration : undefined;
      if (reg) {
        await call('POST /api/grid/registrations/:id/act', {
          params: { id: reg.id },
          body: { action: 'confirm', version: reg.version, enterpriseId: saved.id },
        });
        navigate(`/grid-registrations/${reg.id}`);
        return;
      }
      navigate(`/enterprises/${saved.id}`);
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  const item = (name: FieldName, zh: string, en: string, node: React.ReactNode, required = false, span = 12) => (
    <Col xs={24} md={span}>
      <Form.Item
        name={name}
        label={t(zh, en)}
        rules={[
          ...(required ? [{ required: true, message: t(`请填写${zh}`, `${en} is required`) }] : []),
          zodRule(name, t, (e as Record<string, unknown> | undefined)?.[name]),
        ]}
        validateTrigger={['onChange', 'onBlur']}
      >
        {node}
      </Form.Item>
    </Col>
  );
  return (
    <Card title={editing ? t('编辑企业', 'Edit enterprise') : t('新建企业', 'New enterprise')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...initial, formerNames: (initial as { formerNames?: string[] }).formerNames?.join('、') }}
      >
        <Row gutter={16}>
          {item('name', '企业名称', 'Name', <Input />, true)}
          {item(
            'creditCode',
            '统一社会信用代码',
            'Credit code',
            <Input maxLength={18} disabled={!canReassign} style={{ fontFamily: 'monospace' }} />,
            true,
          )}
          {can('enterprise.overrideCreditCode') &&
            item(
              'creditCodeOverrideReason',
              '校验位例外理由（仅当代码无法通过校验时）',
              'Override reason (only for a code failing the checksum)',
              <Input />,
            )}
          <Col xs={24} md={12}>
            <Form.Item name="formerNames" label={t('曾用名（顿号分隔）', 'Former names (comma separated)')}>
              <Input />
            </Form.Item>
          </Col>
          {item('unitType', '单位类型', 'Unit type', <Select options={optionsOf(codeTables.unitType, label)} />)}
          {item('legalRepresentative', '法定代表人', 'Legal representative', <Input />)}
          {item('principalName', '主要负责人', 'Principal', <Input />)}
          {item('principalPhone', '主要负责人电话', "Principal's phone", <Input />)}
          {item('safetyManagerName', '安全管理人员', 'Safety manager', <Input />)}
          {item('safetyManagerPhone', '安全管理人员电话', "Safety manager's phone", <Input />)}
          {item('address', '地址', 'Address', <Input />, true, 24)}
          <Col xs={24} md={12}>
            <Form.Item
              name="areaCode"
              label={t('所属区域（社区/网格）', 'Area (community or grid)')}
              rules={[{ required: true, message: t('请选择区域', 'Choose an area') }]}
            >
              <AreaCascader maxDepth={4} />
            </Form.Item>
          </Col>
          {item(
            'parkId',
            '工业园区',
            'Industrial park',
            <Select allowClear disabled={!canReassign} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />,
          )}
          {item('longitude', '经度（WGS-84）', 'Longitude (WGS-84)', <InputNumber style={{ width: '100%' }} step={0.0001} />, false, 6)}
          {item('latitude', '纬度（WGS-84）', 'Latitude (WGS-84)', <InputNumber style={{ width: '100%' }} step={0.0001} />, false, 6)}
          {item('industryCode', '国民经济行业代码', 'Industry code (GB/T 4754)', <Input placeholder="C33" />)}
          {item('sector', '监管行业', 'Sector', <Select disabled={!canReassign} options={optionsOf(codeTables.sector, label)} />, true)}
          {item(
            'hazardTags',
            '专项风险',
            'Special hazards',
            <Select mode="multiple" options={optionsOf(codeTables.hazardTags, label)} />,
            false,
            24,
          )}
          {item('scale', '规模', 'Scale', <Select options={optionsOf(codeTables.scale, label)} />, false, 6)}
          <Col xs={12} md={3}>
            <Form.Item name="smallMicro" label={t('小微', 'Small/micro')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name="isKey" label={t('重点企业', 'Key')} valuePropName="checked">
              <Switch disabled={!canReassign} />
            </Form.Item>
          </Col>
          {item('employees', '从业人数', 'Employees', <InputNumber style={{ width: '100%' }} min={0} />, false, 6)}
          {item(
            'operatingStatus',
            '经营状态',
            'Operating status',
            <Select options={optionsOf(codeTables.operatingStatus, label)} />,
            false,
            6,
          )}
          {item('premises', '经营场所', 'Premises', <Select allowClear options={optionsOf(codeTables.premises, label)} />, false, 6)}
          {item('landlord', '出租方', 'Landlord', <Input />, false, 6)}
          {item(
            'standardizationGrade',
            '标准化等级',
            'Standardization grade',
            // Kept by the standardization records (the enterprise file's 标准化 tab), shown here read-only.
            <Select disabled options={optionsOf(codeTables.standardizationGrade, label)} />,
            false,
            6,
          )}
          <Col xs={24} md={6}>
            <Form.Item name="standardizationDate" label={t('标准化发证日期', 'Certified on')}>
              <DatePicker disabled style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="standardizationExpiry"
              label={t('标准化有效期至', 'Valid until')}
              extra={t('标准化等级在"标准化"标签页登记', 'Grades are recorded in the Standardization tab')}
            >
              <DatePicker disabled style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {item(
            'threeSimultaneous',
            '"三同时"',
            '"Three simultaneous"',
            <Select options={optionsOf(codeTables.threeSimultaneous, label)} />,
            false,
            6,
          )}
        </Row>
        <Space>
          <Button type="primary" onClick={submit} loading={busy} data-testid="save-enterprise">
            {t('保存', 'Save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('取消', 'Cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
