// 案件工作台: the case, where it came from (an inspection, a failed re-inspection and its hidden dangers), its
// deadlines (decision limit, payment due, surcharge), the hearing (听证) when the party asked for one, the five pieces
// of evidence, its documents and timeline, and the next steps from the server's abilities.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseAction, CaseView } from '@anjian/contracts';
import { useCodeTables } from '../../api/codeTables';
import { queryKeyOf, useRecord } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { RecordState } from '../../components/ErrorDisplay';
import { CalendarGapAlert } from '../../features/calendar/CalendarGapAlert';
import { CaseStepForm } from './CaseStepForm';
import { DocumentLinks } from './DocumentLinks';
import { cstDateTime } from '../../app/time';

/**
 * The decision due date with what moves it: days left (frozen while a requested hearing is pending, since hearing
 * time does not count when the deployment says so), the hearing days added, overdue.
 */
function DecisionDue({ c }: { c: CaseView }) {
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
  const q = useRecord('GET /api/enforcement/cases/:id', { params: { id: id! } });
  return (
    <RecordState query={q} what={{ zh: '案件', en: 'case' }}>
      {(c) => <Workspace c={c} />}
    </RecordState>
  );
}

function Workspace({ c }: { c: CaseView }) {
  const { t } = useI18n();
  const codes = useCodeTables();
  // The evidence checklist is the office's case work, not the party's: staff only, as on the case list.
  const office = useAuth().can('enforcement.read');
  const qc = useQueryClient();
  const [step, setStep] = useState<CaseAction | null>(null);
  const hearingStep = c.abilities.some((a) => a === 'schedule_hearing' || a === 'hold_hearing');
  const presiders = useRecord('GET /api/enforcement/cases/:id/presiders', { params: { id: c.id } }, { enabled: hearingStep });
  const done = (updated?: CaseView) => {
    setStep(null);
    if (!updated) return;
    // The step's answer is the case as it now is; the list pages refetch.
    qc.setQueryData(queryKeyOf('GET /api/enforcement/cases/:id', { params: { id: c.id } }), updated);
    void qc.invalidateQueries({ queryKey: ['GET /api/enforcement/cases/:id'] });
    void qc.invalidateQueries({ queryKey: ['cases'] }); // CaseList's own key
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
      <Card title={`${c.number} · ${codes.label('caseStatus', c.status)}`}>
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
        {office && (
          <Space wrap style={{ marginTop: 8 }}>
            {Object.entries(c.evidence ?? {}).map(([k, v]) => (
              <Tag key={k} color={v ? 'green' : 'orange'}>
                {codes.label('caseEvidence', k)}
              </Tag>
            ))}
          </Space>
        )}
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
          <Space wrap>
            {(c.abilities as CaseAction[]).map((a) => (
              <Button key={a} onClick={() => setStep(a)} data-testid={`case-action-${a}`}>
                {codes.label('caseAction', a)}
              </Button>
            ))}
          </Space>
          <CaseStepForm c={c} action={step} presiders={presiders.data} onClose={done} />
        </Card>
      )}
      <Card title={t('执法文书', 'Documents')} size="small">
        <DocumentLinks documents={c.documents ?? []} />
      </Card>
      <Card title={t('办案记录', 'Timeline')} size="small">
        <Timeline
          items={(c.events ?? []).map((e) => ({
            children: `${cstDateTime(e.at)} ${e.actorName ?? ''} ${codes.label('caseAction', e.action)} → ${codes.label('caseStatus', e.to)}`,
          }))}
        />
      </Card>
    </Space>
  );
}
