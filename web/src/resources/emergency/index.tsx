// 应急管理 screens: the resource register (/emergency/resources), the map with resource layers and "nearest"
// (/emergency/map, the enterprise map), the duty roster (/emergency/duty), incidents (/emergency/incidents) and the
// team types each incident kind calls out (/emergency/callout-settings).
import { Route, Routes } from 'react-router-dom';
import { EnterpriseMap } from '../../features/map/EnterpriseMap';
import { ResourceForm, ResourceList, ResourceShow } from './Resources';
import { DutyRoster, IncidentIntake, IncidentList, IncidentShow } from './Duty';
import { PlanForm, PlanList, PlanShow } from './Plans';
export { DrillPage } from './Drills';
export { FlashReportRoutes, IncidentNoticeRoutes } from './FlashReports';
export { ReadinessPage } from './Readiness';
export { CalloutSettings } from './CalloutSettings';

export function ResourceRoutes() {
  return (
    <Routes>
      <Route index element={<ResourceList />} />
      <Route path="new" element={<ResourceForm />} />
      <Route path=":id" element={<ResourceShow />} />
    </Routes>
  );
}

export function IncidentRoutes() {
  return (
    <Routes>
      <Route index element={<IncidentList />} />
      <Route path="new" element={<IncidentIntake />} />
      <Route path=":id" element={<IncidentShow />} />
    </Routes>
  );
}

export function PlanRoutes() {
  return (
    <Routes>
      <Route index element={<PlanList />} />
      <Route path="new" element={<PlanForm />} />
      <Route path=":id" element={<PlanShow />} />
    </Routes>
  );
}

export { DutyRoster, EnterpriseMap as EmergencyMap };
