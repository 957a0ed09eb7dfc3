// What the public tracking page shows of a reward: its stage and the sentence for the reporter (never who it is).
import { Alert } from 'antd';
import { rewardStatusLabels } from '@anjian/contracts';
import { useRecord } from '../../api/hooks';
import { useI18n } from '../../app/i18n';

export function TrackReward({ code }: { code: string }) {
  const { label } = useI18n();
  const q = useRecord('GET /api/public/reports/:code/reward', { params: { code } });
  if (!q.data?.status || !q.data.notice) return null;
  return (
    <Alert
      style={{ marginTop: 12 }}
      type={q.data.status === 'declined' || q.data.status === 'lapsed' ? 'info' : 'success'}
      data-testid="track-reward"
      message={label(rewardStatusLabels[q.data.status])}
      description={q.data.notice}
    />
  );
}
