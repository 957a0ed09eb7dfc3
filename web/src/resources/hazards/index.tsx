// The hidden-danger screens and their routes under /hazards; the register and statistics have their own menu
// entries (the statistics page is imported directly by the menu, so ECharts stays out of this chunk).
import { Route, Routes } from 'react-router-dom';
import { HazardCreate } from './HazardCreate';
import { HazardList } from './HazardList';
import { HazardShow } from './HazardShow';
import { ListedRegister } from './ListedRegister';
import { EnterpriseHazardsTab } from './EnterpriseHazardsTab';

export { HazardCreate, HazardList, HazardShow, ListedRegister, EnterpriseHazardsTab };

export function HazardRoutes() {
  return (
    <Routes>
      <Route index element={<HazardList />} />
      <Route path="new" element={<HazardCreate />} />
      <Route path=":id" element={<HazardShow />} />
    </Routes>
  );
}
