// The accident screens and their routes under /accidents; analysis and indicators live in features/indicators.
import { Route, Routes } from 'react-router-dom';
import { AccidentList } from './AccidentList';
import { AccidentForm } from './AccidentForm';
import { AccidentShow } from './AccidentShow';
import { InvestigationWorkspace } from './InvestigationWorkspace';
import { EnterpriseAccidentsTab } from './EnterpriseAccidentsTab';

export { AccidentList, AccidentForm, AccidentShow, InvestigationWorkspace, EnterpriseAccidentsTab };

export function AccidentRoutes() {
  return (
    <Routes>
      <Route index element={<AccidentList />} />
      <Route path="new" element={<AccidentForm />} />
      <Route path=":id" element={<AccidentShow />} />
      <Route path=":id/edit" element={<AccidentForm key="edit" />} />
      <Route path=":id/investigation" element={<InvestigationWorkspace />} />
    </Routes>
  );
}
