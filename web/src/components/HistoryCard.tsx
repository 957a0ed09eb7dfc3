// 办理记录: a record's steps as a timeline — when (China time), who, and the step in the caller's language. The steps
// are the record's action keys with their labels (the capability's action labels plus its creating step); an unknown
// key shows as it is rather than as nothing.
import { Card, Timeline } from 'antd';
import type { Bilingual } from '@anjian/contracts';
import { useI18n } from '../app/i18n';
import { cstDateTime } from '../app/time';

export interface HistoryStep {
  at: string;
  actorName: string | null;
  action: string;
}

export function HistoryCard({ history, labels, small }: { history: HistoryStep[]; labels: Record<string, Bilingual>; small?: boolean }) {
  const { t, label } = useI18n();
  return (
    <Card title={t('办理记录', 'History')} size={small ? 'small' : undefined}>
      <Timeline
        items={history.map((h) => ({
          children: `${cstDateTime(h.at)} ${h.actorName ?? ''} · ${label(labels[h.action] ?? { zh: h.action, en: h.action })}`,
        }))}
      />
    </Card>
  );
}
