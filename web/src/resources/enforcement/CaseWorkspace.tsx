// 案件工作台: the case, where it came from (an inspection, a failed re-inspection and its hidden dangers), its
// deadlines (decision limit, payment due, surcharge), the hearing (听证) when the party asked for one, the five pieces
// of evidence, its documents and timeline, and the next steps from the server's abilities.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Checkbox, Descriptions, Input, InputNumber, Select, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { CalendarGapAlert } from '../../features/calendar/CalendarGapAlert';
import { DocumentLinks } from './DocumentLinks';
import { caseActionLabels, caseStatusLabels, evidenceLabels, type PenaltyCase } from './types';

/**
 * The decision due date with what moves it: days left (frozen while a requested hearing is pending, since hearing
 * time does not count when the deployment says so), the hearing days added, overdue.
 */
function DecisionDue({ c }: { c: PenaltyCase }) {
  const { t } = useI18n();
  const k = c.decisionClock;
  return (
    <Space size={4} wrap data-testid="decision-due">
      {k.paused ? (
        <Tooltip
          title={t(
            '听证时间不计入办案期限：期限自要求听证之日起暂停，举行听证后继续计算',
            'Hearing time does not count: the limit is paused from the request until the hearing is held',
          )}
        >
          <Tag color="blue" data-testid="decision-paused">
            {t('听证期间暂停计时', 'Paused for the hearing')}
          </Tag>
        </Tooltip>
      ) : (
        <span>{c.decisionDue}</span>
      )}
      {k.remainingDays !== null && !c.decisionOverdue && (
        <span>
          {k.paused ? t('暂停时剩余', 'left when paused') : t('剩余', 'left')} {k.remainingDays} {t('天', 'days')}
        </span>
      )}
      {k.paused && (
        <Typography.Text type="secondary">
          {t('按今天计为', 'as of today')} {c.decisionDue}
        </Typography.Text>
      )}
      {k.hearingDays > 0 && !k.paused && (
        <Typography.Text type="secondary">
          {t(`含听证${k.hearingDays}天（不计入期限）`, `incl. ${k.hearingDays} hearing days not counted`)}
        </Typography.Text>
      )}
      {c.decisionOverdue && (
        <Tag color="red">
          {t('已超期', 'Overdue')} {k.remainingDays !== null ? `${-k.remainingDays} ${t('天', 'days')}` : ''}
        </Tag>
      )}
    </Space>
  );
}

export function CaseWorkspace() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api.get<PenaltyCase>(`/api/enforcement/cases/${id}`) });
  const [fine, setFine] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [amountPaid, setAmountPaid] = useState<number | null>(null);
  const [extensionDays, setExtensionDays] = useState<number | null>(null);
  const [waived, setWaived] = useState(false);
  const [on, setOn] = useState('');
  const [hearingOn, setHearingOn] = useState('');
  const [hearingPlace, setHearingPlace] = useState('');
  const [presiderId, setPresiderId] = useState<string | undefined>();
  const [hearingRecord, setHearingRecord] = useState('');
  const c = q.data;
  const hearingStep = !!c?.abilities.some((a) => a === 'schedule_hearing' || a === 'hold_hearing');
  const presiders = useQuery({
    queryKey: ['case-presiders', id],
    queryFn: () => api.get<{ id: string; displayName: string }[]>(`/api/enforcement/cases/${id}/presiders`),
    enabled: hearingStep,
  });
  if (!c) return <Card loading />;
  const act = async (action: string) => {
    try {
      await api.post(`/api/enforcement/cases/${id}/actions/${action}`, {
        version: c.version,
        note: note || undefined,
        fine: fine ?? undefined,
        amountPaid: amountPaid ?? undefined,
        extensionDays: extensionDays ?? undefined,
        waived: waived || undefined,
        on: on || undefined,
        ...(action === 'schedule_hearing' ? { hearingOn: hearingOn || undefined, hearingPlace: hearingPlace || undefined } : {}),
        ...(action === 'schedule_hearing' || action === 'hold_hearing' ? { presiderId } : {}),
        ...(action === 'hold_hearing' ? { hearingRecord: hearingRecord || undefined } : {}),
      });
      await qc.invalidateQueries({ queryKey: ['case', id] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {c.calendarGapYear && (
        // Working-day periods (行政处罚法 §85) the server could not count: say so rather than show no date silently.
        <CalendarGapAlert
          year={c.calendarGapYear}
          message={t(
            `${c.calendarGapYear}年的法定节假日安排尚未录入，按工作日计算的期限（最早听证日期、公示撤回期限）暂无法计算。`,
            `The official holiday calendar for ${c.calendarGapYear} is not entered yet, so working-day periods (earliest hearing date, withdrawal of publication) cannot be counted.`,
          )}
        />
      )}
      <Card title={`${c.number} · ${label(caseStatusLabels[c.status])}`}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('当事人', 'Party')}>{c.partyName}</Descriptions.Item>
          <Descriptions.Item label={t('程序', 'Procedure')}>
            {c.procedure === 'simple' ? t('简易程序', 'Simple') : t('一般程序', 'General')}
          </Descriptions.Item>
          <Descriptions.Item label={t('违法事实', 'Violation')}>{c.violation}</Descriptions.Item>
          <Descriptions.Item label={t('处罚依据', 'Basis')}>{c.basisArticle}</Descriptions.Item>
          <Descriptions.Item label={t('罚款（元）', 'Fine')}>{c.fine ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('立案日期', 'Filed')}>{c.filedOn}</Descriptions.Item>
          <Descriptions.Item label={t('决定期限', 'Decide by')}>
            <DecisionDue c={c} />
          </Descriptions.Item>
          {c.paymentDue && <Descriptions.Item label={t('缴款期限', 'Pay by')}>{c.paymentDue}</Descriptions.Item>}
          {c.surcharge > 0 && <Descriptions.Item label={t('加处罚款', 'Surcharge')}>{c.surcharge}</Descriptions.Item>}
          {c.withdrawalDue && <Descriptions.Item label={t('公示撤回期限', 'Withdraw publication by')}>{c.withdrawalDue}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 8 }}>
          {Object.entries(c.evidence ?? {}).map(([k, v]) => (
            <Tag key={k} color={v ? 'green' : 'orange'}>
              {label(evidenceLabels[k])}
            </Tag>
          ))}
        </Space>
      </Card>
      {(c.inspection || (c.hazards?.length ?? 0) > 0) && (
        <Card title={t('案件来源', 'Origin')} size="small" data-testid="case-origin">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('来源', 'Origin')}>
              {c.origin === 'reinspection' ? (
                <Tag color="red">{t('整改复查不合格', 'Failed re-inspection')}</Tag>
              ) : (
                t('执法检查', 'Inspection')
              )}
            </Descriptions.Item>
            {c.inspection && (
              <Descriptions.Item label={t('检查记录', 'Inspection')}>
                <Link to={`/enforcement/inspections/${c.inspection.id}`}>
                  {c.inspection.enterpriseName} {c.inspection.inspectedOn ?? ''}
                </Link>
                {c.inspection.rectificationDeadline && ` · ${t('整改期限', 'deadline')} ${c.inspection.rectificationDeadline}`}
                {c.inspection.reinspectedOn && ` · ${t('复查', 're-inspected')} ${c.inspection.reinspectedOn}`}
              </Descriptions.Item>
            )}
            {(c.hazards?.length ?? 0) > 0 && (
              <Descriptions.Item label={t('未整改隐患', 'Unrectified hidden dangers')}>
                <Space direction="vertical" size={0}>
                  {c.hazards!.map((h) => (
                    <Link key={h.id} to={`/hazards/${h.id}`}>
                      {h.number} {h.description}
                    </Link>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
      {(c.hearing.requestedOn || ['notified'].includes(c.status)) && c.procedure === 'general' && (
        <Card title={t('听证', 'Hearing')} size="small" data-testid="case-hearing">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('听证权利', 'Right to a hearing')}>
              {c.hearing.right
                ? t('较大数额罚款，应告知听证权利', 'Large fine: a hearing is a right')
                : t('未达较大数额（当事人仍可申请）', 'Below the large-fine threshold (the party may still ask)')}
            </Descriptions.Item>
            {c.hearing.requestedOn && <Descriptions.Item label={t('申请日期', 'Requested')}>{c.hearing.requestedOn}</Descriptions.Item>}
            {c.hearing.earliestOn && (
              <Descriptions.Item label={t('最早听证日期（按工作日）', 'Earliest hearing date (working days)')}>
                {c.hearing.earliestOn}
              </Descriptions.Item>
            )}
            {c.hearing.on && <Descriptions.Item label={t('听证日期', 'Hearing date')}>{c.hearing.on}</Descriptions.Item>}
            {c.hearing.place && <Descriptions.Item label={t('听证地点', 'Place')}>{c.hearing.place}</Descriptions.Item>}
            {c.hearing.presiderName && (
              <Descriptions.Item label={t('主持人', 'Presiding officer')}>{c.hearing.presiderName}</Descriptions.Item>
            )}
            {c.hearing.heldOn && <Descriptions.Item label={t('举行日期', 'Held')}>{c.hearing.heldOn}</Descriptions.Item>}
            {c.hearing.record && <Descriptions.Item label={t('听证笔录', 'Record')}>{c.hearing.record}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
      {c.abilities.length > 0 && (
        <Card title={t('办理', 'Next steps')} size="small">
          {hearingStep && (
            <Space wrap style={{ marginBottom: 8 }}>
              {c.abilities.includes('schedule_hearing') && (
                <>
                  <label>
                    {t('听证日期', 'Hearing date')}{' '}
                    <Input
                      type="date"
                      style={{ width: 160 }}
                      min={c.hearing.earliestOn ?? undefined}
                      value={hearingOn}
                      onChange={(e) => setHearingOn(e.target.value)}
                      data-testid="hearing-on"
                    />
                  </label>
                  <Input
                    placeholder={t('听证地点', 'Hearing place')}
                    value={hearingPlace}
                    onChange={(e) => setHearingPlace(e.target.value)}
                    style={{ width: 220 }}
                    data-testid="hearing-place"
                  />
                </>
              )}
              <Select
                placeholder={t('听证主持人（非本案调查人员）', 'Presiding officer (not an investigator)')}
                style={{ width: 260 }}
                value={presiderId}
                onChange={setPresiderId}
                allowClear
                options={presiders.data?.map((p) => ({ value: p.id, label: p.displayName }))}
                data-testid="hearing-presider"
              />
              {c.abilities.includes('hold_hearing') && (
                <Input.TextArea
                  placeholder={t('听证笔录', 'Hearing record')}
                  value={hearingRecord}
                  onChange={(e) => setHearingRecord(e.target.value)}
                  style={{ width: 360 }}
                  data-testid="hearing-record"
                />
              )}
            </Space>
          )}
          <Space wrap>
            <InputNumber placeholder={t('罚款', 'Fine')} value={fine} onChange={(v) => setFine(v)} />
            <InputNumber placeholder={t('缴款金额', 'Amount paid')} value={amountPaid} onChange={(v) => setAmountPaid(v)} />
            <InputNumber placeholder={t('延长天数', 'Extra days')} value={extensionDays} onChange={(v) => setExtensionDays(v)} />
            <Input placeholder={t('说明', 'Note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 240 }} />
            <label>
              {t('日期', 'Date')}{' '}
              <Input type="date" style={{ width: 160 }} value={on} onChange={(e) => setOn(e.target.value)} data-testid="case-step-on" />
            </label>
            <Checkbox checked={waived} onChange={(e) => setWaived(e.target.checked)}>
              {t('当事人放弃陈述申辩和听证', 'Party waived statement and hearing')}
            </Checkbox>
          </Space>
          <Space wrap style={{ marginTop: 8 }}>
            {c.abilities.map((a) => (
              <Button key={a} onClick={() => void act(a)} data-testid={`case-action-${a}`}>
                {label(caseActionLabels[a])}
              </Button>
            ))}
          </Space>
        </Card>
      )}
      <Card title={t('执法文书', 'Documents')} size="small">
        <DocumentLinks documents={c.documents ?? []} />
      </Card>
      <Card title={t('办案记录', 'Timeline')} size="small">
        <Timeline
          items={(c.events ?? []).map((e) => ({
            children: `${e.at.slice(0, 16).replace('T', ' ')} ${e.actorName ?? ''} ${label(caseActionLabels[e.action]) || e.action} → ${label(caseStatusLabels[e.to])}`,
          }))}
        />
      </Card>
    </Space>
  );
}
