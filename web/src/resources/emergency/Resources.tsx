// 应急资源 register: depots, teams, experts and shelters of the caller's area (tabs by kind), a form to register one,
// and a resource's page — for a depot its stock by item and batch (usable, minimum, shortage, expired batches), the
// ledger, and a movement form (in, out, transfer, correction). Buttons from `abilities`.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { SectionTabs } from '../../components/SectionTabs';
import { PlusOutlined } from '@ant-design/icons';
import {
  emergencyItemCodes,
  emergencyItems,
  movementKindLabels,
  resourceKindLabels,
  resourceKinds,
  teamTypeLabels,
  teamTypes,
  type EmergencyItemCode,
  type MovementKind,
  type ResourceKind,
  type ResourceView,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { isNotFound, useList, useRecord, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { cstDateTime } from '../../app/time';
import { applyApiErrors } from '../../components/apiErrors';
import { AreaCascader } from '../../components/AreaCascader';
import { RecordState } from '../../components/ErrorDisplay';
import { validValues } from '../../components/validValues';

export const itemLabel = (code: string, lang: (b: { zh: string; en: string }) => string) => {
  const it = emergencyItems[code as EmergencyItemCode];
  return it ? `${code} ${lang(it)}${lang({ zh: '（', en: ' (' })}${it.unit}${lang({ zh: '）', en: ')' })}` : code;
};

export function ResourceList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [kind, setKind] = useState<ResourceKind>('depot');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [q, setQ] = useState<string | undefined>();
  const list = useList('GET /api/emergency/resources', { query: { kind, q, ...page } });
  return (
    <Card
      title={t('应急资源', 'Emergency resources')}
      extra={
        <Space wrap>
          <Link to="/emergency/map">{t('资源地图', 'Map')}</Link>
          {can('emergency.manage') && (
            <Button icon={<PlusOutlined />} onClick={() => navigate(`/emergency/resources/new?kind=${kind}`)}>
              {t('登记资源', 'Register')}
            </Button>
          )}
        </Space>
      }
    >
      <SectionTabs
        activeKey={kind}
        onChange={(k) => {
          setKind(k as ResourceKind);
          setPage({ ...page, page: 1 });
        }}
        items={resourceKinds.map((k) => ({ key: k, label: label(resourceKindLabels[k]) }))}
      />
      <Input.Search
        allowClear
        placeholder={t('名称', 'Name')}
        style={{ maxWidth: 280, marginBottom: 12 }}
        onSearch={(v) => setQ(v || undefined)}
      />
      <Table<ResourceView>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('名称', 'Name'), dataIndex: 'name', render: (v, r) => <Link to={`/emergency/resources/${r.id}`}>{v}</Link> },
          { title: t('区划', 'Area'), dataIndex: 'areaName' },
          ...(kind === 'team'
            ? [
                {
                  title: t('类型', 'Type'),
                  dataIndex: 'teamType',
                  render: (v: keyof typeof teamTypeLabels | null) => (v ? label(teamTypeLabels[v]) : ''),
                },
                { title: t('人数', 'Members'), dataIndex: 'members' },
              ]
            : []),
          ...(kind === 'expert' ? [{ title: t('专业', 'Speciality'), dataIndex: 'speciality' }] : []),
          ...(kind === 'shelter' ? [{ title: t('容纳人数', 'Capacity'), dataIndex: 'capacity' }] : []),
          ...(kind === 'depot'
            ? [{ title: t('短缺', 'Shortages'), dataIndex: 'shortages', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : '—') }]
            : []),
          { title: t('联系人', 'Contact'), render: (_, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') },
          { title: t('可用', 'Available'), dataIndex: 'available', render: (v: boolean) => (v ? t('是', 'Yes') : t('否', 'No')) },
        ]}
      />
    </Card>
  );
}

export function ResourceForm() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const initialKind = (new URLSearchParams(location.search).get('kind') as ResourceKind | null) ?? 'depot';
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as ResourceKind | undefined;
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const clean = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
      const r = await call('POST /api/emergency/resources', { body: clean as never });
      navigate(`/emergency/resources/${r.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('登记应急资源', 'Register a resource')} style={{ maxWidth: 720 }}>
      <Form form={form} layout="vertical" initialValues={{ kind: initialKind, available: true }}>
        <Form.Item name="kind" label={t('类别', 'Kind')} rules={[{ required: true }]}>
          <Select options={resourceKinds.map((k) => ({ value: k, label: label(resourceKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="areaCode" label={t('所在区划', 'Area')} rules={[{ required: true }]}>
          <AreaCascader />
        </Form.Item>
        <Form.Item name="address" label={t('地址', 'Address')}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="lng" label={t('经度', 'Longitude')} rules={[{ required: true }]}>
            <InputNumber min={73} max={136} step={0.0001} />
          </Form.Item>
          <Form.Item name="lat" label={t('纬度', 'Latitude')} rules={[{ required: true }]}>
            <InputNumber min={3} max={54} step={0.0001} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="contactName" label={t('联系人', 'Contact')}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('联系电话', 'Phone')}>
            <Input inputMode="tel" />
          </Form.Item>
        </Space>
        {kind === 'team' && (
          <>
            <Form.Item name="teamType" label={t('队伍类型', 'Team type')} rules={[{ required: true }]}>
              <Select options={teamTypes.map((x) => ({ value: x, label: label(teamTypeLabels[x]) }))} />
            </Form.Item>
            <Form.Item name="members" label={t('人数', 'Members')}>
              <InputNumber min={0} />
            </Form.Item>
            <TeamAccountField />
            <Form.Item name="equipment" label={t('主要装备', 'Equipment')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {(kind === 'expert' || kind === 'team') && (
          <Form.Item name="organisation" label={t('所在单位', 'Organisation')}>
            <Input />
          </Form.Item>
        )}
        {kind === 'expert' && (
          <Form.Item name="speciality" label={t('专业领域', 'Speciality')}>
            <Input />
          </Form.Item>
        )}
        {kind === 'shelter' && (
          <>
            <Form.Item name="capacity" label={t('可容纳人数', 'Capacity')} rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="facilities" label={t('设施', 'Facilities')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        <Form.Item name="available" label={t('可用 / 在岗 / 开放', 'Available')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={save}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}

export function ResourceShow() {
  const { id } = useParams() as { id: string };
  const { t, label } = useI18n();
  const query = useRecord('GET /api/emergency/resources/:id', { params: { id } });
  return (
    <RecordState query={query} what={{ zh: '应急资源', en: 'resource' }}>
      {(r) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card title={`${label(resourceKindLabels[r.kind])}${t('：', ': ')}${r.name}`}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('区划', 'Area')}>{r.areaName}</Descriptions.Item>
              <Descriptions.Item label={t('地址', 'Address')}>{r.address}</Descriptions.Item>
              <Descriptions.Item label={t('位置', 'Location')}>
                {r.lng.toFixed(5)}, {r.lat.toFixed(5)}
              </Descriptions.Item>
              <Descriptions.Item label={t('联系人', 'Contact')}>
                {r.contactName} {r.contactPhone && <a href={`tel:${r.contactPhone}`}>{r.contactPhone}</a>}
              </Descriptions.Item>
              {r.teamType && <Descriptions.Item label={t('队伍类型', 'Team type')}>{label(teamTypeLabels[r.teamType])}</Descriptions.Item>}
              {r.members != null && <Descriptions.Item label={t('人数', 'Members')}>{r.members}</Descriptions.Item>}
              {r.equipment && <Descriptions.Item label={t('装备', 'Equipment')}>{r.equipment}</Descriptions.Item>}
              {r.speciality && <Descriptions.Item label={t('专业', 'Speciality')}>{r.speciality}</Descriptions.Item>}
              {r.organisation && <Descriptions.Item label={t('单位', 'Organisation')}>{r.organisation}</Descriptions.Item>}
              {r.capacity != null && <Descriptions.Item label={t('容纳人数', 'Capacity')}>{r.capacity}</Descriptions.Item>}
              {r.facilities && <Descriptions.Item label={t('设施', 'Facilities')}>{r.facilities}</Descriptions.Item>}
              <Descriptions.Item label={t('可用', 'Available')}>{r.available ? t('是', 'Yes') : t('否', 'No')}</Descriptions.Item>
            </Descriptions>
          </Card>
          {r.kind === 'depot' && <StockPanel depotId={r.id} />}
        </Space>
      )}
    </RecordState>
  );
}

function StockPanel({ depotId }: { depotId: string }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const stock = useRecord('GET /api/emergency/depots/:id/stock', { params: { id: depotId } });
  const [page, setPage] = useState(1);
  const ledger = useList('GET /api/emergency/depots/:id/movements', { params: { id: depotId }, query: { page, pageSize: 20 } });
  const depots = useList('GET /api/emergency/resources', { query: { kind: 'depot', page: 1, pageSize: 200 } });
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const [busy, setBusy] = useState(false);
  const abilities = stock.data?.abilities ?? [];
  const move = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await call('POST /api/emergency/depots/:id/movements', {
        params: { id: depotId },
        body: { ...v, expiresOn: v.expiresOn || undefined, reason: v.reason || undefined } as never,
      });
      message.success(t('已登记', 'Recorded'));
      form.resetFields(['quantity', 'reason']);
      await refresh('GET /api/emergency/depots/:id/stock', 'GET /api/emergency/depots/:id/movements', 'GET /api/emergency/resources/:id');
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  if (stock.error && isNotFound(stock.error)) return null;
  return (
    <>
      <Card title={t('库存', 'Stock')} size="small">
        <Table
          rowKey="itemCode"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          loading={stock.isFetching}
          dataSource={stock.data?.items ?? []}
          expandable={{
            expandedRowRender: (it) => (
              <Space wrap>
                {it.batches.map((b) => (
                  <Tag key={b.batchNo} color={b.expired ? 'red' : undefined}>
                    {b.batchNo}
                    {t('：', ': ')}
                    {b.onHand}
                    {b.expiresOn ? ` · ${t('有效期至', 'expires')} ${b.expiresOn}` : ''}
                    {b.expired ? ` · ${t('已过期', 'expired')}` : ''}
                  </Tag>
                ))}
              </Space>
            ),
          }}
          columns={[
            { title: t('物资', 'Item'), dataIndex: 'itemCode', render: (c: string) => itemLabel(c, label) },
            { title: t('在库', 'On hand'), dataIndex: 'onHand' },
            { title: t('可用（未过期）', 'Usable'), dataIndex: 'usable' },
            { title: t('最低储备', 'Minimum'), dataIndex: 'minimum' },
            { title: t('短缺', 'Shortage'), dataIndex: 'shortage', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : '—') },
          ]}
        />
      </Card>
      {abilities.includes('move') && (
        <Card title={t('出入库登记', 'Record a movement')} size="small">
          <Form form={form} layout="vertical" initialValues={{ kind: 'in' }} style={{ maxWidth: 560 }}>
            <Form.Item name="kind" label={t('类型', 'Kind')}>
              <Select
                options={[
                  { value: 'in', label: label(movementKindLabels.in) },
                  { value: 'out', label: label(movementKindLabels.out) },
                  { value: 'transfer', label: t('调拨', 'Transfer') },
                  { value: 'correction', label: label(movementKindLabels.correction) },
                ]}
              />
            </Form.Item>
            <Form.Item name="itemCode" label={t('物资', 'Item')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={emergencyItemCodes.map((c) => ({ value: c, label: itemLabel(c, label) }))}
              />
            </Form.Item>
            <Form.Item name="batchNo" label={t('批次号', 'Batch')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="quantity"
              label={kind === 'correction' ? t('盘点实有数量', 'Counted quantity') : t('数量', 'Quantity')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} />
            </Form.Item>
            {(kind === 'in' || kind === 'correction') && (
              <Form.Item name="expiresOn" label={t('有效期至（新批次）', 'Expires on (new batch)')}>
                <Input type="date" />
              </Form.Item>
            )}
            {kind === 'transfer' && (
              <Form.Item name="toDepotId" label={t('调入物资库', 'Receiving depot')} rules={[{ required: true }]}>
                <Select options={(depots.data?.items ?? []).filter((d) => d.id !== depotId).map((d) => ({ value: d.id, label: d.name }))} />
              </Form.Item>
            )}
            <Form.Item name="reason" label={t('说明', 'Reason')}>
              <Input />
            </Form.Item>
            <Button type="primary" loading={busy} onClick={move}>
              {t('登记', 'Record')}
            </Button>
          </Form>
        </Card>
      )}
      {abilities.includes('setMinimum') && <MinimumForm depotId={depotId} />}
      <Card title={t('台账', 'Ledger')} size="small">
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          loading={ledger.isFetching}
          dataSource={ledger.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: ledger.data?.total ?? 0, onChange: setPage }}
          columns={[
            { title: t('时间', 'Time'), dataIndex: 'at', render: (v: string) => cstDateTime(v) },
            { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: MovementKind) => label(movementKindLabels[k]) },
            { title: t('物资', 'Item'), dataIndex: 'itemCode', render: (c: string) => itemLabel(c, label) },
            { title: t('批次', 'Batch'), dataIndex: 'batchNo' },
            { title: t('变动', 'Change'), dataIndex: 'delta', render: (d: number) => (d > 0 ? `+${d}` : d) },
            { title: t('结存', 'Balance'), dataIndex: 'balanceAfter' },
            { title: t('说明', 'Reason'), dataIndex: 'reason' },
            { title: t('经办', 'By'), dataIndex: 'recordedByName' },
          ]}
        />
      </Card>
    </>
  );
}

function MinimumForm({ depotId }: { depotId: string }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await call('POST /api/emergency/depots/:id/minimums', { params: { id: depotId }, body: v });
      await refresh('GET /api/emergency/depots/:id/stock', 'GET /api/emergency/resources/:id');
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Card title={t('最低储备', 'Minimum stock')} size="small">
      <Form form={form} layout="inline">
        <Form.Item name="itemCode" rules={[{ required: true }]}>
          <Select
            style={{ width: 260 }}
            showSearch
            optionFilterProp="label"
            options={emergencyItemCodes.map((c) => ({ value: c, label: itemLabel(c, label) }))}
          />
        </Form.Item>
        <Form.Item name="minimum" rules={[{ required: true }]}>
          <InputNumber min={0} />
        </Form.Item>
        <Button onClick={save}>{t('设置', 'Set')}</Button>
      </Form>
      <Typography.Text type="secondary">
        {t('可用数量低于最低储备即为短缺', 'Usable stock below the minimum is a shortage')}
      </Typography.Text>
    </Card>
  );
}

/** A team's platform account: it receives the team's call-outs in its inbox and acknowledges them. */
function TeamAccountField() {
  const { t } = useI18n();
  const people = useList('GET /api/emergency/duty/people', {});
  return (
    <Form.Item name="contactUserId" label={t('接收出动通知的账号', 'Account receiving call-outs')}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
    </Form.Item>
  );
}
