// 值班 and 接警: the duty roster (this week and next, add a shift: post, times, duty officer, leader on duty), the call
// intake form (phone-first: one column, big buttons, the location from the phone when allowed), the incident list and
// one incident with its timeline (received or 快报 → leader, officer and teams told → acknowledged) and the leader's
// acknowledgement; 交接班 on the roster page (Handovers.tsx).
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Timeline } from 'antd';
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import {
  incidentKindLabels,
  incidentKinds,
  incidentStatusLabels,
  type IncidentKind,
  type IncidentStatus,
  type ShiftView,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRecord, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { cstDateTime } from '../../app/time';
import { applyApiErrors } from '../../components/apiErrors';
import { AreaCascader } from '../../components/AreaCascader';
import { RecordState } from '../../components/ErrorDisplay';
import { HandoverCard } from './Handovers';
import { PhotoStrip } from './FlashReports';
import { validValues } from '../../components/validValues';

/** An instant as China Standard Time, whatever the phone's zone. */
export const fmt = (iso: string) => cstDateTime(iso);
/** A datetime-local input's value as an instant with the browser's offset. */
const instantOf = (local: string) => new Date(local).toISOString();

export function DutyRoster() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const shifts = useList('GET /api/emergency/duty/shifts', { query: {} });
  const now = useRecord('GET /api/emergency/duty/now', {});
  const people = useList('GET /api/emergency/duty/people', {});
  const [form] = Form.useForm();
  const { user } = useAuth();
  const add = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await call('POST /api/emergency/duty/shifts', {
        body: { ...v, startsAt: instantOf(v.startsAt), endsAt: instantOf(v.endsAt), notes: v.notes || undefined },
      });
      message.success(t('已排班', 'Shift added'));
      form.resetFields(['startsAt', 'endsAt']);
      await refresh('GET /api/emergency/duty/shifts', 'GET /api/emergency/duty/now');
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('当前值班', 'On duty now')} size="small">
        {now.data?.shift ? (
          <Space wrap>
            <Tag color="blue">{now.data.shift.post}</Tag>
            {t('值班员：', 'Officer: ')}
            {now.data.shift.officerName}
            {t('带班领导：', 'Leader: ')}
            {now.data.shift.leaderName}
            {fmt(now.data.shift.startsAt)} — {fmt(now.data.shift.endsAt)}
          </Space>
        ) : (
          t('当前无值班安排', 'No one is on duty now')
        )}
      </Card>
      <Card title={t('值班表', 'Duty roster')}>
        <Table<ShiftView>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          loading={shifts.isFetching}
          dataSource={shifts.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('岗位', 'Post'), dataIndex: 'post' },
            { title: t('开始', 'Starts'), dataIndex: 'startsAt', render: fmt },
            { title: t('结束', 'Ends'), dataIndex: 'endsAt', render: fmt },
            { title: t('值班员', 'Officer'), dataIndex: 'officerName' },
            { title: t('带班领导', 'Leader'), dataIndex: 'leaderName' },
            { title: t('备注', 'Notes'), dataIndex: 'notes' },
          ]}
        />
      </Card>
      {can('duty.manage') && (
        <Card title={t('排班', 'Add a shift')} size="small">
          <Form
            form={form}
            layout="vertical"
            style={{ maxWidth: 560 }}
            initialValues={{ post: '区应急值班室', areaCode: user?.areaCode ?? undefined }}
          >
            <Form.Item name="post" label={t('岗位', 'Post')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="areaCode" label={t('值守区划', 'Area')} rules={[{ required: true }]}>
              <AreaCascader />
            </Form.Item>
            <Space wrap>
              <Form.Item name="startsAt" label={t('开始', 'Starts')} rules={[{ required: true }]}>
                <Input type="datetime-local" />
              </Form.Item>
              <Form.Item name="endsAt" label={t('结束', 'Ends')} rules={[{ required: true }]}>
                <Input type="datetime-local" />
              </Form.Item>
            </Space>
            <Form.Item name="officerId" label={t('值班员', 'Duty officer')} rules={[{ required: true }]}>
              <Select options={options} showSearch optionFilterProp="label" />
            </Form.Item>
            <Form.Item name="leaderId" label={t('带班领导', 'Leader on duty')} rules={[{ required: true }]}>
              <Select options={options} showSearch optionFilterProp="label" />
            </Form.Item>
            <Button type="primary" icon={<PlusOutlined />} onClick={add}>
              {t('添加班次', 'Add')}
            </Button>
          </Form>
        </Card>
      )}
      <HandoverCard shifts={shifts.data?.items ?? []} />
    </Space>
  );
}

export function IncidentIntake() {
  const { t, label } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as IncidentKind | undefined;
  const [busy, setBusy] = useState(false);
  const locate = () =>
    navigator.geolocation?.getCurrentPosition((p) =>
      form.setFieldsValue({ lng: Number(p.coords.longitude.toFixed(6)), lat: Number(p.coords.latitude.toFixed(6)) }),
    );
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const body = Object.fromEntries(
        Object.entries({ ...v, receivedAt: new Date().toISOString() }).filter(([, x]) => x !== undefined && x !== ''),
      );
      const r = await call('POST /api/emergency/incidents', { body: body as never });
      navigate(`/emergency/incidents/${r.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('接警登记', 'Take a call')} style={{ maxWidth: 560 }} data-testid="incident-intake">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'production_safety', areaCode: user?.areaCode ?? undefined, deaths: 0, missing: 0, injured: 0 }}
      >
        <Form.Item name="kind" label={t('类别', 'Kind')} rules={[{ required: true }]}>
          <Select size="large" options={incidentKinds.map((k) => ({ value: k, label: label(incidentKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="callerName" label={t('来电人', 'Caller')}>
          <Input size="large" />
        </Form.Item>
        <Form.Item name="callerPhone" label={t('来电号码', 'Caller phone')}>
          <Input size="large" inputMode="tel" />
        </Form.Item>
        <Form.Item name="areaCode" label={t('所在区划', 'Area')} rules={[{ required: true }]}>
          <AreaCascader />
        </Form.Item>
        <Form.Item name="address" label={t('地点', 'Place')} rules={[{ required: true }]}>
          <Input size="large" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="lng" label={t('经度', 'Lng')}>
            <InputNumber min={73} max={136} step={0.0001} />
          </Form.Item>
          <Form.Item name="lat" label={t('纬度', 'Lat')}>
            <InputNumber min={3} max={54} step={0.0001} />
          </Form.Item>
          <Button onClick={locate}>{t('定位', 'Locate')}</Button>
        </Space>
        <Form.Item name="unitName" label={t('涉事单位', 'Unit')}>
          <Input size="large" />
        </Form.Item>
        {kind === 'production_safety' && (
          <Form.Item name="accidentTypeCode" label={t('事故类别代码（GB 6441）', 'Accident type (GB 6441)')} rules={[{ required: true }]}>
            <Input size="large" placeholder="P01" />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="deaths" label={t('死亡', 'Dead')}>
            <InputNumber min={0} size="large" />
          </Form.Item>
          <Form.Item name="missing" label={t('失踪', 'Missing')}>
            <InputNumber min={0} size="large" />
          </Form.Item>
          <Form.Item name="injured" label={t('受伤', 'Injured')}>
            <InputNumber min={0} size="large" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('情况', 'What happened')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" size="large" block icon={<PhoneOutlined />} loading={busy} onClick={save}>
          {t('登记并通知带班领导', 'Record and notify the leader on duty')}
        </Button>
      </Form>
    </Card>
  );
}

export function IncidentList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const list = useList('GET /api/emergency/incidents', { query: { page, pageSize: 20 } });
  return (
    <Card
      title={t('接警记录', 'Incidents')}
      extra={
        can('incident.intake') && (
          <Link to="/emergency/incidents/new">
            <Button type="primary" icon={<PhoneOutlined />}>
              {t('接警', 'Take a call')}
            </Button>
          </Link>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('接警时间', 'Received'),
            dataIndex: 'receivedAt',
            render: (v: string, r) => <Link to={`/emergency/incidents/${r.id}`}>{fmt(v)}</Link>,
          },
          { title: t('类别', 'Kind'), dataIndex: 'kind', render: (k: IncidentKind) => label(incidentKindLabels[k]) },
          { title: t('地点', 'Place'), dataIndex: 'address' },
          { title: t('伤亡', 'Casualties'), render: (_, r) => `${r.deaths}/${r.missing}/${r.injured}` },
          { title: t('带班领导', 'Leader'), dataIndex: 'leaderName' },
          {
            title: t('来源', 'Source'),
            dataIndex: 'source',
            render: (s: string) => (s === 'enterprise' ? <Tag color="orange">{t('企业快报', 'Flash report')}</Tag> : t('接警', 'Call')),
          },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (s: IncidentStatus) => <Tag>{label(incidentStatusLabels[s])}</Tag> },
        ]}
      />
    </Card>
  );
}

export const timelineLabels: Record<string, { zh: string; en: string }> = {
  received: { zh: '接警', en: 'Received' },
  reported: { zh: '企业快报', en: 'Flash report' },
  notified: { zh: '已通知', en: 'Notified' },
  no_leader_on_duty: { zh: '无带班领导', en: 'No leader on duty' },
  team_notified: { zh: '已通知救援队伍', en: 'Team called out' },
  team_unreachable: { zh: '救援队伍须电话调度', en: 'Team to be called by phone' },
  team_acknowledged: { zh: '救援队伍已确认', en: 'Team acknowledged' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  accident_opened: { zh: '事故已立案登记', en: 'Accident record opened' },
  closed: { zh: '结束', en: 'Closed' },
};

export function IncidentShow() {
  const { id } = useParams() as { id: string };
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const query = useRecord('GET /api/emergency/incidents/:id', { params: { id } });
  const act = async (action: 'acknowledge' | 'close', version: number) => {
    try {
      await call('POST /api/emergency/incidents/:id/act', { params: { id }, body: { action, version } });
      await refresh('GET /api/emergency/incidents/:id', 'GET /api/emergency/incidents');
    } catch (e) {
      message.error(String((e as Error).message));
      await refresh('GET /api/emergency/incidents/:id');
    }
  };
  return (
    <RecordState query={query} what={{ zh: '接警记录', en: 'incident' }}>
      {(r) => (
        <Card
          title={`${label(incidentKindLabels[r.kind])}${t('：', ': ')}${r.address}`}
          style={{ maxWidth: 720 }}
          extra={<Tag color={r.status === 'received' ? 'red' : 'green'}>{label(incidentStatusLabels[r.status])}</Tag>}
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('接警时间', 'Received')}>{fmt(r.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('发生时间', 'Occurred')}>{fmt(r.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label={t('来电', 'Caller')}>
              {r.callerName} {r.callerPhone && <a href={`tel:${r.callerPhone}`}>{r.callerPhone}</a>}
            </Descriptions.Item>
            <Descriptions.Item label={t('伤亡（初报）', 'Casualties (first known)')}>
              {t(`死亡 ${r.deaths}，失踪 ${r.missing}，受伤 ${r.injured}`, `${r.deaths} dead, ${r.missing} missing, ${r.injured} injured`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('情况', 'Description')}>{r.description}</Descriptions.Item>
            <Descriptions.Item label={t('带班领导', 'Leader on duty')}>{r.leaderName ?? '—'}</Descriptions.Item>
            {r.photoIds.length > 0 && (
              <Descriptions.Item label={t('现场照片', 'Photos')}>
                <PhotoStrip ids={r.photoIds} />
              </Descriptions.Item>
            )}
            {r.accidentId && (
              <Descriptions.Item label={t('事故登记', 'Accident record')}>
                <Link to={`/accidents/${r.accidentId}`}>{t('查看', 'Open')}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Timeline
            style={{ marginTop: 16 }}
            items={r.timeline.map((x) => ({
              children: `${fmt(x.at)} ${label(timelineLabels[x.kind] ?? { zh: x.kind, en: x.kind })} ${x.userName ?? ''} ${x.note ?? ''}`,
            }))}
          />
          <Space wrap>
            {r.abilities.includes('acknowledge') && (
              <Button type="primary" size="large" onClick={() => act('acknowledge', r.version)}>
                {t('确认收悉', 'Acknowledge')}
              </Button>
            )}
            {r.abilities.includes('close') && (
              <Button size="large" onClick={() => act('close', r.version)}>
                {t('结束', 'Close')}
              </Button>
            )}
          </Space>
        </Card>
      )}
    </RecordState>
  );
}
