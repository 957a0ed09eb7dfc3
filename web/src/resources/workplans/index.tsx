// 工作方案与督办 screens: plans under /workplans (list, one plan, its month's board); tasks under /work-tasks (my
// tasks with the monthly report form, one task).
import { Route, Routes } from 'react-router-dom';
import { ProgressBoard } from './ProgressBoard';
import { WorkPlanList } from './WorkPlanList';
import { WorkPlanShow } from './WorkPlanShow';
import { MyWorkTasks } from './MyWorkTasks';
import { WorkTaskShow } from './WorkTaskShow';
export { Interviews } from './Interviews';
export { Bulletins } from './Bulletins';

export function WorkPlanRoutes() {
  return (
    <Routes>
      <Route index element={<WorkPlanList />} />
      <Route path=":id" element={<WorkPlanShow />} />
      <Route path=":id/board" element={<ProgressBoard />} />
    </Routes>
  );
}

export function WorkTaskRoutes() {
  return (
    <Routes>
      <Route index element={<MyWorkTasks />} />
      <Route path=":id" element={<WorkTaskShow />} />
    </Routes>
  );
}
