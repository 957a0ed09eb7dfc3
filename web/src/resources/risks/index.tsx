// Risk graded control screens under /risks: an enterprise account sees its own register, staff see the
// district's four-colour distribution; a unit page is shared by both.
import { Route, Routes } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { RiskDistributionPage } from '../../features/risks/RiskDistributionPage';
import { RiskRegister } from './RiskRegister';
import { RiskUnitShow } from './RiskUnitShow';

export { RiskRegister, RiskUnitShow };

function RisksHome() {
  const { user } = useAuth();
  return user?.enterpriseId ? <RiskRegister enterpriseId={user.enterpriseId} /> : <RiskDistributionPage />;
}

export function RiskRoutes() {
  return (
    <Routes>
      <Route index element={<RisksHome />} />
      <Route path="units/:id" element={<RiskUnitShow />} />
    </Routes>
  );
}
