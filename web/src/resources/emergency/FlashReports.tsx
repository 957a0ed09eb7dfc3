// 快报 (phone-first): an enterprise reports its own accident — time, place (the map pin from the phone when allowed),
// kind, casualties as first known, a short description, photos from the camera — and follows its reports' state and
// timeline. A called-out rescue team's account reads its call-out and acknowledges it (IncidentNoticePage).
import { useRef, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Image, Input, InputNumber, List, Select, Space, Tag, Timeline } from 'antd';
import { AlertOutlined, CameraOutlined, CheckOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { incidentKindLabels, incidentKinds, incidentStatusLabels, teamTypeLabels, type IncidentKind } from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRecord, useRefresh } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { RecordState } from '../../components/ErrorDisplay';
import { fmt, timelineLabels } from './Duty';
import { validValues } from '../../components/validValues';
import { HiddenFileInput } from '../../components/HiddenFileInput';

export function PhotoStrip({ ids }: { ids: string[] }) {
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {ids.map((id) => (
          <Image
            key={id}
            width={72}
            height={72}
            style={{ objectFit: 'cover' }}
            src={`/api/files/${id}/thumbnail`}
            preview={{ src: `/api/files/${id}` }}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/** A datetime-local value for now, in the browser's time zone. */
const localNow = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function FlashReportForm() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as IncidentKind | undefined;
  const [photos, setPhotos] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const locate = () =>
    navigator.geolocation?.getCurrentPosition((p) =>
      form.setFieldsValue({ lng: Number(p.coords.longitude.toFixed(6)), lat: Number(p.coords.latitude.toFixed(6)) }),
    );
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      const f = await call('POST /api/emergency/flash-reports/photos', { form: fd });
      setPhotos((xs) => [...xs, f]);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const body = Object.fromEntries(
        Object.entries({ ...v, occurredAt: new Date(v.occurredAt).toISOString(), photoIds: photos.map((p) => p.id) }).filter(
          ([, x]) => x !== undefined && x !== '' && x !== null,
        ),
      );
      const r = await call('POST /api/emergency/flash-reports', { body: body as never });
      message.success(t('快报已报送值班室', 'Sent to the duty desk'));
      navigate(`/emergency/flash-reports/${r.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('事故快报', 'Accident flash report')} style={{ maxWidth: 560 }} data-testid="flash-report">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'production_safety', deaths: 0, missing: 0, injured: 0, occurredAt: localNow() }}
      >
        <Form.Item name="occurredAt" label={t('发生时间', 'When it happened')} rules={[{ required: true }]}>
          <Input size="large" type="datetime-local" data-testid="flash-occurredAt" />
        </Form.Item>
        <Form.Item name="kind" label={t('类别', 'Kind')} rules={[{ required: true }]}>
          <Select size="large" options={incidentKinds.map((k) => ({ value: k, label: label(incidentKindLabels[k]) }))} />
        </Form.Item>
        {kind === 'production_safety' && (
          <Form.Item name="accidentTypeCode" label={t('事故类别代码（GB 6441）', 'Accident type (GB 6441)')} rules={[{ required: true }]}>
            <Input size="large" placeholder="P01" data-testid="flash-type" />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('地点', 'Place')} rules={[{ required: true }]}>
          <Input size="large" data-testid="flash-address" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="lng" label={t('经度（可选）', 'Lng (optional)')}>
            <InputNumber min={73} max={136} step={0.0001} />
          </Form.Item>
          <Form.Item name="lat" label={t('纬度（可选）', 'Lat (optional)')}>
            <InputNumber min={3} max={54} step={0.0001} />
          </Form.Item>
          <Button icon={<EnvironmentOutlined />} onClick={locate}>
            {t('定位', 'Locate')}
          </Button>
        </Space>
        <Space wrap>
          <Form.Item name="deaths" label={t('死亡', 'Dead')}>
            <InputNumber min={0} size="large" />
          </Form.Item>
          <Form.Item name="missing" label={t('失踪', 'Missing')}>
            <InputNumber min={0} size="large" />
          </Form.Item>
          <Form.Item name="injured" label={t('受伤', 'Injured')}>
            <InputNumber min={0} size="large" data-testid="flash-injured" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('简要情况', 'What happened')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} data-testid="flash-description" />
        </Form.Item>
        <Form.Item label={t('现场照片', 'Photos')}>
          <HiddenFileInput
            ref={input}
            accept="image/*"
            capture="environment"
            data-testid="flash-photo-input"
            onFiles={(files) => void upload(files[0])}
          />
          <Space wrap>
            {photos.map((p) => (
              <Tag key={p.id}>{p.name}</Tag>
            ))}
            <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} disabled={photos.length >= 9}>
              {t('拍照/选择照片', 'Take or choose a photo')}
            </Button>
          </Space>
        </Form.Item>
        <Button type="primary" danger size="large" block icon={<AlertOutlined />} loading={busy} onClick={save} data-testid="flash-submit">
          {t('报送快报', 'Send the flash report')}
        </Button>
      </Form>
    </Card>
  );
}

export function FlashReportList() {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const list = useList('GET /api/emergency/flash-reports', { query: { page, pageSize: 20 } });
  return (
    <Card
      title={t('本企业快报', 'Our flash reports')}
      style={{ maxWidth: 720 }}
      extra={
        <Link to="/emergency/flash-reports/new">
          <Button type="primary" danger icon={<AlertOutlined />}>
            {t('报送快报', 'Report')}
          </Button>
        </Link>
      }
    >
      <List
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, size: 'small' }}
        renderItem={(r) => (
          <List.Item extra={<Tag color={r.status === 'received' ? 'red' : 'green'}>{label(incidentStatusLabels[r.status])}</Tag>}>
            <List.Item.Meta
              title={
                <Link to={`/emergency/flash-reports/${r.id}`}>{`${label(incidentKindLabels[r.kind])}${t('：', ': ')}${r.address}`}</Link>
              }
              description={`${fmt(r.receivedAt)} · ${t(`死${r.deaths} 失踪${r.missing} 伤${r.injured}`, `${r.deaths} dead, ${r.missing} missing, ${r.injured} injured`)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function FlashReportShow() {
  const { id } = useParams() as { id: string };
  const { t, label } = useI18n();
  const query = useRecord('GET /api/emergency/flash-reports/:id', { params: { id } });
  return (
    <RecordState query={query} what={{ zh: '快报', en: 'flash report' }}>
      {(r) => (
        <Card
          title={`${label(incidentKindLabels[r.kind])}${t('：', ': ')}${r.address}`}
          style={{ maxWidth: 720 }}
          extra={<Tag color={r.status === 'received' ? 'red' : 'green'}>{label(incidentStatusLabels[r.status])}</Tag>}
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('报送时间', 'Sent')}>{fmt(r.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('发生时间', 'Occurred')}>{fmt(r.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label={t('伤亡（初报）', 'Casualties (first known)')}>
              {t(`死亡 ${r.deaths}，失踪 ${r.missing}，受伤 ${r.injured}`, `${r.deaths} dead, ${r.missing} missing, ${r.injured} injured`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('简要情况', 'Description')}>{r.description}</Descriptions.Item>
            {r.photoIds.length > 0 && (
              <Descriptions.Item label={t('现场照片', 'Photos')}>
                <PhotoStrip ids={r.photoIds} />
              </Descriptions.Item>
            )}
          </Descriptions>
          <Timeline
            style={{ marginTop: 16 }}
            items={r.timeline.map((x) => ({
              children: `${fmt(x.at)} ${label(timelineLabels[x.kind] ?? { zh: x.kind, en: x.kind })} ${x.userName ?? ''} ${x.note ?? ''}`,
            }))}
          />
        </Card>
      )}
    </RecordState>
  );
}

export function FlashReportRoutes() {
  return (
    <Routes>
      <Route index element={<FlashReportList />} />
      <Route path="new" element={<FlashReportForm />} />
      <Route path=":id" element={<FlashReportShow />} />
    </Routes>
  );
}

function IncidentNoticeShow() {
  const { id } = useParams() as { id: string };
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const query = useRecord('GET /api/emergency/incident-notices/:id', { params: { id } });
  const ack = async () => {
    try {
      await call('POST /api/emergency/incident-notices/:id/acknowledge', { params: { id } });
      await refresh('GET /api/emergency/incident-notices/:id');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <RecordState query={query} what={{ zh: '出动通知', en: 'call-out' }}>
      {(n) => (
        <Card title={t(`出动通知：${n.teamName}`, `Call-out: ${n.teamName}`)} style={{ maxWidth: 560 }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('类别', 'Kind')}>{label(incidentKindLabels[n.incident.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('地点', 'Place')}>
              {n.incident.address}
              {n.incident.lng !== null && n.incident.lat !== null && ` (${n.incident.lng}, ${n.incident.lat})`}
            </Descriptions.Item>
            <Descriptions.Item label={t('队伍类型', 'Team type')}>{label(teamTypeLabels[n.teamType])}</Descriptions.Item>
            {n.distanceM !== null && (
              <Descriptions.Item label={t('直线距离', 'Distance')}>{(n.distanceM / 1000).toFixed(1)} km</Descriptions.Item>
            )}
            <Descriptions.Item label={t('伤亡（初报）', 'Casualties (first known)')}>
              {t(
                `死亡 ${n.incident.deaths}，失踪 ${n.incident.missing}，受伤 ${n.incident.injured}`,
                `${n.incident.deaths} dead, ${n.incident.missing} missing, ${n.incident.injured} injured`,
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('情况', 'Description')}>{n.incident.description}</Descriptions.Item>
            <Descriptions.Item label={t('通知时间', 'Told at')}>{fmt(n.notifiedAt)}</Descriptions.Item>
          </Descriptions>
          {n.acknowledgedAt ? (
            <Tag color="green">{t(`已确认 ${fmt(n.acknowledgedAt)}`, `Acknowledged ${fmt(n.acknowledgedAt)}`)}</Tag>
          ) : (
            <Button type="primary" size="large" block icon={<CheckOutlined />} onClick={ack}>
              {t('确认收到，立即出动', 'Acknowledge')}
            </Button>
          )}
        </Card>
      )}
    </RecordState>
  );
}

export function IncidentNoticeRoutes() {
  return (
    <Routes>
      <Route path=":id" element={<IncidentNoticeShow />} />
    </Routes>
  );
}
