// The accident's timeline: events in time order, with the deadlines still ahead (or missed) shown as such.
import { Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { TimelineEntry } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useAccidentCodes } from './codeTables';
import { cstDateTime } from '../../app/time';

type Data = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export interface AccidentTimelineProps {
  accidentId: string;
  /** Changes whenever the accident, its reports or its duties change, so the timeline reloads. */
  revision: string;
}

export function AccidentTimeline({ accidentId, revision }: AccidentTimelineProps) {
  const { t, label } = useI18n();
  const { find } = useAccidentCodes();
  const q = useQuery({
    queryKey: ['accident-timeline', accidentId, revision],
    queryFn: () => call('GET /api/accidents/:id/timeline', { params: { id: accidentId } }),
  });
  const now = Date.now();
  const text = (e: TimelineEntry): string => {
    const d = e.data as Data;
    switch (e.kind) {
      case 'occurred':
        return t('事故发生', 'Accident occurred') + ` · ${str(d.address)}`;
      case 'head_informed':
        return t('单位负责人接报', 'Unit head informed');
      case 'registered':
        return t('平台登记', 'Registered');
      case 'report':
        return `${label(find('tiers', str(d.tier)))}${t('接报', ' received the report')} · ${label(find('timeliness', str(d.timeliness)))}`;
      case 'revision': {
        const b = d.before as Data;
        const a = d.after as Data;
        const changed = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries', 'directLossWan'].filter((k) => b[k] !== a[k]);
        const names: Record<string, string> = {
          deaths: t('死亡', 'deaths'),
          missing: t('失踪', 'missing'),
          seriousInjuries: t('重伤', 'serious'),
          minorInjuries: t('轻伤', 'minor'),
          directLossWan: t('损失(万元)', 'loss (10,000 yuan)'),
        };
        const level =
          d.levelBefore !== d.levelAfter
            ? ` · ${label(find('levels', str(d.levelBefore)))} → ${label(find('levels', str(d.levelAfter)))}`
            : '';
        return `${t('伤亡补报', 'Casualties revised')} (${str(d.actorName)}): ${changed.map((k) => `${names[k]} ${str(b[k])}→${str(a[k])}`).join(t('，', ', '))}${level}${d.note ? ` · ${str(d.note)}` : ''}`;
      }
      case 'investigation':
        return d.step === 'approved'
          ? t('调查报告批复', 'Investigation report approved')
          : t('调查报告提交', 'Investigation report submitted');
      case 'follow_up_done':
        return `${label(find('duties', str(d.duty)))} ${t('办结', 'done')} · ${str(d.by)}`;
      case 'deadline': {
        const what =
          d.what === 'report'
            ? `${label(find('tiers', str(d.tier)))}${t('应接报', ' should receive the report')}`
            : d.what === 'supplementary_window'
              ? t('补报期届满（伤亡变化可重新定级至此日）', 'Supplementary window ends (casualty changes regrade until this day)')
              : d.what === 'investigation_report'
                ? t('调查报告应提交', 'Investigation report due')
                : label(find('duties', str(d.duty)));
        return `${t('期限：', 'Deadline: ')}${what}`;
      }
    }
  };
  return (
    <Timeline
      data-testid="accident-timeline"
      items={(q.data?.items ?? []).map((e) => {
        const overdue = e.kind === 'deadline' && Date.parse(e.at) < now;
        return {
          color: e.kind === 'deadline' ? (overdue ? 'red' : 'gray') : e.kind === 'revision' ? 'orange' : 'blue',
          children: (
            <>
              <Typography.Text strong>{cstDateTime(e.at)}</Typography.Text> {text(e)}
            </>
          ),
        };
      })}
    />
  );
}
