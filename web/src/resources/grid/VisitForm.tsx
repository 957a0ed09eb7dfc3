// 巡查: the visit form on the phone. Check-in takes the time and the GPS position (the distance from the unit is
// recorded by the server, never blocking), a short checklist, 劝导制止 notes, photos, findings that become hidden
// dangers (reported through the hazards route as a second request) and information reports for the street. The visit
// id is generated here before the first try; without a connection the visit waits in the offline queue and is resent
// with the same id, so it is recorded exactly once.
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Image, Input, Radio, Select, Space, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  gridChecklistKeys,
  gridChecklistLabels,
  gridInfoKindLabels,
  gridInfoKinds,
  hazardCategoryKeys,
  hazardDescriptionMinLength,
  type GridInfoKind,
  type RecordVisitBody,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { useCodeTables } from '../../api/codeTables';
import { useI18n } from '../../app/i18n';
import { cstDateTime } from '../../app/time';
import { applyApiErrors } from '../../components/apiErrors';
import { findingTooShort } from './findings';
import { sendVisit, type Finding } from './offlineQueue';
import { useRecord } from '../../api/hooks';
import { validValues } from '../../components/validValues';
import { HiddenFileInput } from '../../components/HiddenFileInput';

interface CheckIn {
  at: string;
  lon?: number;
  lat?: number;
}

export function VisitForm() {
  const { enterpriseId } = useParams();
  const { t, label } = useI18n();
  const codes = useCodeTables();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  // The id is fixed for the life of this form: every try of this visit carries it.
  const visitId = useMemo(() => crypto.randomUUID(), []);
  const [checkIn, setCheckIn] = useState<CheckIn | null>(null);
  const [locating, setLocating] = useState(false);
  const [photos, setPhotos] = useState<{ id: string; name: string; preview: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const photoInput = useRef<HTMLInputElement>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  // After a refused submit, each finding the hazards route would refuse is marked until it is fixed or removed.
  const [checkFindings, setCheckFindings] = useState(false);
  const findingRefused = (f: Finding) => checkFindings && findingTooShort(f.description);
  const [reports, setReports] = useState<{ kind: GridInfoKind; description: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const units = useRecord('GET /api/grid/units', { query: { page: 1, pageSize: 200 } });
  const unit = units.data?.items.find((u) => u.enterpriseId === enterpriseId);

  const doCheckIn = () => {
    const at = new Date().toISOString();
    if (!navigator.geolocation) return setCheckIn({ at });
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setCheckIn({ at, lon: Number(p.coords.longitude.toFixed(6)), lat: Number(p.coords.latitude.toFixed(6)) });
        setLocating(false);
      },
      () => {
        // No position (refused or no fix): the visit is still recorded, without a distance.
        setCheckIn({ at });
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      const f = await call('POST /api/grid/attachments', { form: fd });
      setPhotos((p) => [...p, { id: f.id, name: f.name, preview: URL.createObjectURL(file) }]);
    } catch (e) {
      message.error(t('照片上传失败（离线时请稍后补拍）', 'Photo upload failed (offline: add it later)') + ` ${(e as Error).message}`);
    } finally {
      setUploading(false);
    }
  };

  const submit = async () => {
    const v = (await validValues(form)) as { checklist?: RecordVisitBody['checklist']; notes?: string } | null;
    if (!v) return;
    if (!checkIn) return message.warning(t('请先签到', 'Check in first'));
    if (findings.some((f) => findingTooShort(f.description))) {
      setCheckFindings(true);
      return message.error(t('有隐患未填写完整，请补充描述或删除', 'A hidden danger is incomplete: describe it or remove it'));
    }
    const visit: RecordVisitBody = {
      id: visitId,
      enterpriseId: enterpriseId!,
      checkedInAt: checkIn.at,
      ...(checkIn.lon !== undefined ? { lon: checkIn.lon, lat: checkIn.lat } : {}),
      checklist: Object.fromEntries(Object.entries(v.checklist ?? {}).filter(([, r]) => r)),
      notes: v.notes || undefined,
      attachments: photos.map((p) => p.id),
      infoReports: reports.filter((r) => r.description.trim()).map((r) => ({ ...r, description: r.description.trim() })),
    };
    setSaving(true);
    const r = await sendVisit({
      visit,
      findings,
      queuedAt: new Date().toISOString(),
    });
    setSaving(false);
    if (r.state === 'refused') {
      const rest = applyApiErrors(form, r.error);
      if (rest) message.error(rest);
      return;
    }
    if (r.state === 'queued')
      message.warning(t('网络不可用，巡查记录已保存，联网后自动提交', 'No connection: the visit is saved and will be sent when online'));
    else message.success(t('巡查记录已提交', 'Visit recorded'));
    await qc.invalidateQueries({ queryKey: ['GET /api/grid/units'] });
    navigate('/grid');
  };

  return (
    <Card title={`${t('巡查', 'Visit')} · ${unit?.name ?? ''}`} data-testid="grid-visit-form">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {unit && (
          <Typography.Text type="secondary">
            {unit.address} ·{' '}
            {unit.lastVisitedOn ? t(`上次巡查 ${unit.lastVisitedOn}`, `Last visit ${unit.lastVisitedOn}`) : t('从未巡查', 'Never visited')}
          </Typography.Text>
        )}
        {checkIn ? (
          <Alert
            type="success"
            showIcon
            data-testid="grid-checked-in"
            message={t('已签到', 'Checked in') + ` ${cstDateTime(checkIn.at)}`}
            description={
              checkIn.lon !== undefined
                ? `${checkIn.lon}, ${checkIn.lat}`
                : t('未取得定位，将不记录距离', 'No position: no distance will be recorded')
            }
          />
        ) : (
          <Button
            block
            size="large"
            type="primary"
            icon={<EnvironmentOutlined />}
            loading={locating}
            onClick={doCheckIn}
            data-testid="grid-check-in"
          >
            {t('签到（时间与定位）', 'Check in (time and position)')}
          </Button>
        )}
        <Form form={form} layout="vertical">
          <Typography.Title level={5}>{t('检查项目', 'Checklist')}</Typography.Title>
          {gridChecklistKeys.map((k) => (
            <Form.Item key={k} name={['checklist', k]} label={label(gridChecklistLabels[k])} style={{ marginBottom: 8 }}>
              <Radio.Group optionType="button">
                <Radio.Button value="ok">{t('正常', 'OK')}</Radio.Button>
                <Radio.Button value="problem">{t('有问题', 'Problem')}</Radio.Button>
                <Radio.Button value="na">{t('不涉及', 'N/A')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
          ))}
          <Form.Item name="notes" label={t('劝导制止情况', 'Advice given / stopped on the spot')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="grid-notes" />
          </Form.Item>
        </Form>
        <div>
          <Typography.Title level={5}>{t('现场照片', 'Photos')}</Typography.Title>
          <Space wrap>
            {photos.map((p) => (
              <Space key={p.id} direction="vertical" size={2}>
                <Image src={p.preview} width={72} height={72} style={{ objectFit: 'cover' }} />
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => setPhotos((x) => x.filter((y) => y.id !== p.id))}
                />
              </Space>
            ))}
            <Button icon={<CameraOutlined />} loading={uploading} onClick={() => photoInput.current?.click()}>
              {t('拍照', 'Photo')}
            </Button>
            <HiddenFileInput
              ref={photoInput}
              accept="image/*"
              capture="environment"
              data-testid="grid-photo-input"
              onFiles={(files) => void upload(files[0])}
            />
          </Space>
        </div>
        <div>
          <Typography.Title level={5}>{t('发现隐患（将登记为事故隐患）', 'Hidden dangers found')}</Typography.Title>
          {findings.map((f, i) => (
            <Space key={i} direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
              <Input.TextArea
                rows={2}
                placeholder={t('隐患描述', 'Description')}
                value={f.description}
                status={findingRefused(f) ? 'error' : undefined}
                aria-invalid={findingRefused(f) || undefined}
                data-testid={`grid-finding-${i}`}
                onChange={(e) => setFindings((x) => x.map((y, j) => (j === i ? { ...y, description: e.target.value } : y)))}
              />
              {findingRefused(f) && (
                <Typography.Text type="danger" data-testid={`grid-finding-${i}-error`}>
                  {t(
                    `请描述隐患（至少 ${hazardDescriptionMinLength} 个字），或删除此项`,
                    `Describe the hidden danger (at least ${hazardDescriptionMinLength} characters) or remove it`,
                  )}
                </Typography.Text>
              )}
              <Space>
                <Select
                  style={{ width: 180 }}
                  value={f.category}
                  onChange={(c) => setFindings((x) => x.map((y, j) => (j === i ? { ...y, category: c } : y)))}
                  options={hazardCategoryKeys.map((c) => ({ value: c, label: codes.label('hazardCategory', c) }))}
                />
                <Button type="text" icon={<DeleteOutlined />} onClick={() => setFindings((x) => x.filter((_, j) => j !== i))} />
              </Space>
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            data-testid="grid-add-finding"
            onClick={() => setFindings((x) => [...x, { description: '', category: 'unsafe_condition', grade: 'general' }])}
          >
            {t('添加隐患', 'Add a hidden danger')}
          </Button>
        </div>
        <div>
          <Typography.Title level={5}>{t('信息报告（报街道）', 'Information reports (to the street)')}</Typography.Title>
          {reports.map((r, i) => (
            <Space key={i} direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
              <Select
                style={{ width: 220 }}
                value={r.kind}
                onChange={(k) => setReports((x) => x.map((y, j) => (j === i ? { ...y, kind: k } : y)))}
                options={gridInfoKinds.map((k) => ({ value: k, label: label(gridInfoKindLabels[k]) }))}
              />
              <Input.TextArea
                rows={2}
                value={r.description}
                onChange={(e) => setReports((x) => x.map((y, j) => (j === i ? { ...y, description: e.target.value } : y)))}
              />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => setReports((x) => [...x, { kind: 'changed_use', description: '' }])}>
            {t('添加信息报告', 'Add an information report')}
          </Button>
        </div>
        <Button
          block
          size="large"
          type="primary"
          loading={saving}
          disabled={!checkIn}
          onClick={() => void submit()}
          data-testid="grid-visit-submit"
        >
          {t('提交巡查记录', 'Submit the visit')}
        </Button>
      </Space>
    </Card>
  );
}
