// One inspection, phone-first: on site the officer adds findings (camera photo, GPS), sets the rectification
// deadline, has the principal and inspectors sign, and submits; afterwards the record, its documents and the
// re-inspection form. A failed re-inspection files the penalty case (立案) for the unrectified hidden dangers, or
// offers it to a case officer, and links to it.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Descriptions, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { HazardFile } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { AttachmentInput } from '../hazards/AttachmentInput';
import { DocumentLinks } from './DocumentLinks';
import { SignaturePad } from './SignaturePad';
import { useCodeTables } from '../../api/codeTables';
import { useRecord } from '../../api/hooks';
import { RecordState } from '../../components/ErrorDisplay';

interface DraftFinding {
  description: string;
  location: string;
  grade: 'general' | 'major';
  category: 'unsafe_act' | 'unsafe_condition' | 'management_defect' | 'environment';
  photos: HazardFile[];
  latitude?: number;
  longitude?: number;
}

const emptyFinding = (): DraftFinding => ({ description: '', location: '', grade: 'general', category: 'unsafe_condition', photos: [] });

export function InspectionShow() {
  const { id } = useParams();
  const { t } = useI18n();
  const codes = useCodeTables();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useRecord('GET /api/inspections/:id', { params: { id: id! } });
  const [findings, setFindings] = useState<DraftFinding[]>([]);
  const [deadline, setDeadline] = useState('');
  const [summary, setSummary] = useState('');
  const [principalSig, setPrincipalSig] = useState<string | null>(null);
  const [inspectorSig, setInspectorSig] = useState<string | null>(null);
  const [opinion, setOpinion] = useState('');
  const { can } = useAuth();
  const navigate = useNavigate();
  const [fileCase, setFileCase] = useState(true);
  const [checklist, setChecklist] = useState<{ item: string; result: 'pass' | 'fail' | 'na' }[]>([]);
  const templates = useQuery({
    queryKey: ['inspection-checklists', id],
    queryFn: () => call('GET /api/inspections/:id/checklists', { params: { id: id! } }),
    enabled: !!q.data?.abilities.includes('record'),
  });
  const [busy, setBusy] = useState(false);
  const insp = q.data;
  // Loading, not found (missing or outside the caller's jurisdiction) or another error.
  if (!insp)
    return (
      <RecordState query={q} what={{ zh: '检查记录', en: 'inspection' }}>
        {() => null}
      </RecordState>
    );

  const patch = (i: number, p: Partial<DraftFinding>) => setFindings(findings.map((f, j) => (j === i ? { ...f, ...p } : f)));
  const locate = (i: number) =>
    navigator.geolocation?.getCurrentPosition(
      (pos) => patch(i, { latitude: pos.coords.latitude, longitude: pos.coords.longitude }),
      () => message.warning(t('无法获取位置', 'Location unavailable')),
    );
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: ['GET /api/inspections/:id'] });
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = () =>
    run(() =>
      call('POST /api/inspections/:id/record', {
        params: { id: id! },
        body: {
          version: insp.version,
          checklist,
          summary: summary || undefined,
          rectificationDeadline: deadline || undefined,
          findings: findings.map((f) => ({
            description: f.description,
            location: f.location || undefined,
            grade: f.grade,
            category: f.category,
            photoIds: f.photos.map((p) => p.id),
            latitude: f.latitude,
            longitude: f.longitude,
          })),
          principalSignature: principalSig ?? undefined,
          inspectorSignatures: inspectorSig
            ? [{ name: insp.inspectorNames[0] ?? t('执法人员', 'Inspector'), signature: inspectorSig }]
            : [],
        },
      }),
    );
  const mayFile = can('case.manage');
  const reinspect = (passed: boolean) =>
    run(() =>
      call('POST /api/inspections/:id/reinspection', {
        params: { id: id! },
        body: { version: insp.version, passed, opinion, fileCase: !passed && mayFile && fileCase },
      }),
    );
  const escalate = () =>
    run(async () => {
      const r = await call('POST /api/inspections/:id/escalate', { params: { id: id! }, body: { version: insp.version } });
      navigate(`/enforcement/cases/${r.caseId}`);
    });

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      <Card title={insp.enterpriseName} size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('类型', 'Kind')}>
            {codes.label('inspectionKind', insp.kind)} {insp.unannounced && <Tag>{t('暗查暗访', 'Unannounced')}</Tag>}
          </Descriptions.Item>
          {insp.principalDuty && (
            <Descriptions.Item label={t('专项', 'Special')}>
              <Tag color="blue">{t('主要负责人履责专项检查', 'Principal-duty inspection')}</Tag>
            </Descriptions.Item>
          )}
          {insp.departments.length > 0 && (
            <Descriptions.Item label={t('联合部门', 'Departments')}>{insp.departments.join(t('、', ', '))}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('执法人员', 'Inspectors')}>{insp.inspectorNames.join(t('、', ', '))}</Descriptions.Item>
          <Descriptions.Item label={t('计划日期', 'Planned')}>{insp.plannedOn}</Descriptions.Item>
          {insp.rectificationDeadline && (
            <Descriptions.Item label={t('整改期限', 'Deadline')}>{insp.rectificationDeadline}</Descriptions.Item>
          )}
          {insp.reinspectedOn && (
            <Descriptions.Item label={t('复查', 'Re-inspection')}>
              {insp.reinspectedOn}{' '}
              {insp.reinspectionResult === 'passed' ? (
                <Tag color="green">{t('通过', 'Passed')}</Tag>
              ) : (
                <Tag color="red">{t('未通过', 'Failed')}</Tag>
              )}
              {insp.reinspectionOpinion && ` ${insp.reinspectionOpinion}`}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {insp.reinspectionResult === 'failed' && (
        <Alert
          type="error"
          showIcon
          data-testid="escalation"
          message={t('复查未通过：逾期未整改', 'Re-inspection failed: not rectified in time')}
          description={
            insp.escalation ? (
              <span>
                {t('已立案', 'Case filed')}{' '}
                <Link to={`/enforcement/cases/${insp.escalation.id}`} data-testid="escalation-case">
                  {insp.escalation.number}
                </Link>{' '}
                {codes.label('caseStatus', insp.escalation.status)}
              </span>
            ) : insp.abilities.includes('escalate') ? (
              <Space direction="vertical">
                <span>
                  {t(
                    '依据《安全生产法》第一百零二条对未消除的事故隐患立案查处。',
                    'File a penalty case for the hidden dangers not eliminated (安全生产法 §102).',
                  )}
                </span>
                <Button danger loading={busy} onClick={() => void escalate()} data-testid="escalate">
                  {t('立案查处', 'File a case')}
                </Button>
              </Space>
            ) : (
              t('待执法人员立案查处', 'Awaiting a case officer to file the case')
            )
          }
        />
      )}

      {insp.abilities.includes('record') && (
        <Card title={t('现场检查', 'On-site record')} size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            {(templates.data?.length ?? 0) > 0 && (
              <Select
                placeholder={t('选用检查表', 'Use a checklist')}
                style={{ width: '100%' }}
                onChange={(tid: string) =>
                  setChecklist(
                    templates.data!.find((x) => x.id === tid)!.items.map((it) => ({ item: it.content, result: 'pass' as const })),
                  )
                }
                options={templates.data!.map((x) => ({ value: x.id, label: x.name }))}
              />
            )}
            {checklist.map((c, i) => (
              <Space key={i} style={{ width: '100%', justifyContent: 'space-between' }}>
                <span>{c.item}</span>
                <Radio.Group
                  size="small"
                  value={c.result}
                  onChange={(e) => setChecklist(checklist.map((x, j) => (j === i ? { ...x, result: e.target.value } : x)))}
                >
                  <Radio.Button value="pass">{t('合格', 'Pass')}</Radio.Button>
                  <Radio.Button value="fail">{t('不合格', 'Fail')}</Radio.Button>
                  <Radio.Button value="na">—</Radio.Button>
                </Radio.Group>
              </Space>
            ))}
            {findings.map((f, i) => (
              <Card key={i} size="small" type="inner" title={`${t('问题', 'Finding')} ${i + 1}`}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input.TextArea
                    placeholder={t('问题描述', 'Description')}
                    value={f.description}
                    data-testid={`finding-${i}-description`}
                    onChange={(e) => patch(i, { description: e.target.value })}
                  />
                  <Input placeholder={t('部位', 'Location')} value={f.location} onChange={(e) => patch(i, { location: e.target.value })} />
                  <Radio.Group value={f.grade} onChange={(e) => patch(i, { grade: e.target.value })}>
                    <Radio value="general">{t('一般隐患', 'General')}</Radio>
                    <Radio value="major">{t('重大隐患', 'Major')}</Radio>
                  </Radio.Group>
                  <Select
                    value={f.category}
                    style={{ width: '100%' }}
                    onChange={(v) => patch(i, { category: v })}
                    options={codes.options('hazardCategory')}
                  />
                  <AttachmentInput value={f.photos} onChange={(photos) => patch(i, { photos })} />
                  <Button size="small" icon={<EnvironmentOutlined />} onClick={() => locate(i)}>
                    {f.latitude ? `${f.latitude.toFixed(5)}, ${f.longitude!.toFixed(5)}` : t('记录位置', 'Record location')}
                  </Button>
                </Space>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} block onClick={() => setFindings([...findings, emptyFinding()])} data-testid="add-finding">
              {t('添加问题', 'Add finding')}
            </Button>
            {findings.length > 0 && (
              <label>
                {t('整改期限', 'Rectification deadline')}
                <Input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="rectification-deadline" />
              </label>
            )}
            <Input.TextArea placeholder={t('检查情况', 'Summary')} value={summary} onChange={(e) => setSummary(e.target.value)} />
            <Typography.Text>{t('被检查单位负责人签字', 'Principal signature')}</Typography.Text>
            <SignaturePad onChange={setPrincipalSig} testId="principal-signature" />
            <Typography.Text>{t('执法人员签字', 'Inspector signature')}</Typography.Text>
            <SignaturePad onChange={setInspectorSig} testId="inspector-signature" />
            <Button type="primary" block loading={busy} onClick={() => void submit()} data-testid="submit-inspection">
              {t('提交检查记录', 'Submit record')}
            </Button>
          </Space>
        </Card>
      )}

      {insp.findings && insp.findings.length > 0 && (
        <Card title={t('发现问题', 'Findings')} size="small">
          <List
            size="small"
            dataSource={insp.findings}
            renderItem={(f) => (
              <List.Item extra={f.hazardId && <Link to={`/hazards/${f.hazardId}`}>{t('隐患', 'Hidden danger')}</Link>}>
                {f.description} {f.grade === 'major' && <Tag color="red">{t('重大', 'Major')}</Tag>} {f.deadline && `· ${f.deadline}`}
              </List.Item>
            )}
          />
        </Card>
      )}
      {insp.documents && (
        <Card title={t('执法文书', 'Documents')} size="small">
          <DocumentLinks documents={insp.documents} />
        </Card>
      )}
      {insp.abilities.includes('reinspect') && (
        <Card title={t('整改复查', 'Re-inspection')} size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              placeholder={t('复查意见', 'Opinion')}
              value={opinion}
              onChange={(e) => setOpinion(e.target.value)}
              data-testid="reinspection-opinion"
            />
            <Space>
              <Button
                type="primary"
                disabled={!opinion}
                loading={busy}
                onClick={() => void reinspect(true)}
                data-testid="reinspection-pass"
              >
                {t('复查通过', 'Passed')}
              </Button>
              <Button danger disabled={!opinion} loading={busy} onClick={() => void reinspect(false)} data-testid="reinspection-fail">
                {t('未整改到位', 'Not rectified')}
              </Button>
            </Space>
            {mayFile && (
              <Checkbox checked={fileCase} onChange={(e) => setFileCase(e.target.checked)} data-testid="reinspection-file-case">
                {t('未整改到位时同时立案查处（第一百零二条）', 'When not rectified, file the penalty case at once (§102)')}
              </Checkbox>
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
}
