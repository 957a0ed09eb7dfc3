// The hidden-danger screens and their routes under /hazards; the register and statistics have their own menu
// entries.
import { Route, Routes } from 'react-router-dom';
import { HazardCreate } from './HazardCreate';
import { HazardList } from './HazardList';
import { HazardShow } from './HazardShow';
import { HazardStats } from './HazardStats';
import { ListedRegister } from './ListedRegister';
import { EnterpriseHazardsTab } from './EnterpriseHazardsTab';

export { HazardCreate, HazardList, HazardShow, HazardStats, ListedRegister, EnterpriseHazardsTab };

export function HazardRoutes() {
  return (
    <Routes>
      <Route index element={<HazardList />} />
      <Route path="new" element={<HazardCreate />} />
      <Route path=":id" element={<HazardShow />} />
    </Routes>
  );
}
