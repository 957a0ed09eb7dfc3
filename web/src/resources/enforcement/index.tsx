// Enforcement screens under /enforcement: 双随机 draws, inspections (phone flow), penalty cases, statistics;
// the enterprise file's inspections and penalties tabs reuse the lists.
import { Route, Routes } from 'react-router-dom';
import type { Enterprise } from '@anjian/contracts';
import { DrawPage } from './DrawPage';
import { InspectionList } from './InspectionList';
import { InspectionShow } from './InspectionShow';
import { CaseList } from './CaseList';
import { CaseWorkspace } from './CaseWorkspace';
import { PlanPage } from './PlanPage';
import { PenaltiesPage } from './PenaltiesPage';

export { DrawPage, InspectionList, InspectionShow, CaseList, CaseWorkspace, PlanPage, PenaltiesPage };

export function EnforcementRoutes() {
  return (
    <Routes>
      <Route index element={<InspectionList />} />
      <Route path="inspections" element={<InspectionList />} />
      <Route path="inspections/:id" element={<InspectionShow />} />
      <Route path="draws" element={<DrawPage />} />
      <Route path="plan" element={<PlanPage />} />
      <Route path="cases" element={<PenaltiesPage />} />
      <Route path="cases/:id" element={<CaseWorkspace />} />
    </Routes>
  );
}

export function EnterpriseInspectionsTab({ enterprise }: { enterprise: Enterprise }) {
  return <InspectionList fixed={{ enterpriseId: enterprise.id }} compact />;
}

export function EnterprisePenaltiesTab({ enterprise }: { enterprise: Enterprise }) {
  return <CaseList fixed={{ enterpriseId: enterprise.id }} compact />;
}
