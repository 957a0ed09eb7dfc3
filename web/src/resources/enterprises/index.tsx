// The enterprise file screens and their routes under /enterprises.
import { Route, Routes } from 'react-router-dom';
import { EnterpriseList } from './EnterpriseList';
import { EnterpriseShow } from './EnterpriseShow';
import { EnterpriseForm } from './EnterpriseForm';
import { ImportWizard } from './ImportWizard';
import { EnterpriseMap } from '../../features/map/EnterpriseMap';

export { EnterpriseList, EnterpriseShow, EnterpriseForm, ImportWizard };

export function EnterpriseRoutes() {
  return (
    <Routes>
      <Route index element={<EnterpriseList />} />
      <Route path="new" element={<EnterpriseForm />} />
      <Route path="import" element={<ImportWizard />} />
      <Route path="map" element={<EnterpriseMap />} />
      <Route path=":id" element={<EnterpriseShow />} />
      <Route path=":id/edit" element={<EnterpriseForm key="edit" />} />
    </Routes>
  );
}
