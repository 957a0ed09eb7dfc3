// Scheduled self-inspection screens under /checks: an enterprise account gets today's tasks (phone first), staff
// get the completion and missed-task overview; a task page is shared by both.
import { Route, Routes } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { CheckTaskPage } from './CheckTaskPage';
import { MissedSummaryPage } from './MissedSummaryPage';
import { TodayTasksPage } from './TodayTasksPage';

function ChecksHome() {
  const { user, can } = useAuth();
  return user?.enterpriseId && can('check.do') ? <TodayTasksPage /> : <MissedSummaryPage />;
}

export function CheckRoutes() {
  return (
    <Routes>
      <Route index element={<ChecksHome />} />
      <Route path="tasks/:id" element={<CheckTaskPage />} />
    </Routes>
  );
}
