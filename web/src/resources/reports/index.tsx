// 举报 screens: the officers' workspace under /reports (list, intake, one report); a citizen's own reports.
import { Route, Routes } from 'react-router-dom';
import { ReportIntake } from './ReportIntake';
import { ReportList } from './ReportList';
import { ReportShow } from './ReportShow';

export { MyReports } from './MyReports';
export { RoutingRules } from './RoutingRules';
export { ReportMap } from './ReportMap';

export function ReportRoutes() {
  return (
    <Routes>
      <Route index element={<ReportList />} />
      <Route path="new" element={<ReportIntake />} />
      <Route path=":id" element={<ReportShow />} />
    </Routes>
  );
}
