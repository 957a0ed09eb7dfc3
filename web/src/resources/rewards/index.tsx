// 举报奖励 screens under /rewards (list with the rate card, one reward); the finding card on a report's page and the
// reward line of the public tracking page.
import { Route, Routes } from 'react-router-dom';
import { RewardList } from './RewardList';
import { RewardShow } from './RewardShow';

export { FindingCard } from './FindingCard';
export { TrackReward } from './TrackReward';

export function RewardRoutes() {
  return (
    <Routes>
      <Route index element={<RewardList />} />
      <Route path=":id" element={<RewardShow />} />
    </Routes>
  );
}
