// The enterprise file screens and their routes under /enterprises.
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { EnterpriseList } from './EnterpriseList';
import { EnterpriseShow } from './EnterpriseShow';
import { EnterpriseForm } from './EnterpriseForm';
import { ImportWizard } from './ImportWizard';
import { EnterpriseMap } from '../../features/map/EnterpriseMap';

export { EnterpriseList, EnterpriseShow, EnterpriseForm, ImportWizard };

export function EnterpriseRoutes() {
  const { user } = useAuth();
  return (
    <Routes>
      {/* An enterprise account has one file, its own: no district list or filters. */}
      <Route index element={user?.enterpriseId ? <Navigate to={user.enterpriseId} replace /> : <EnterpriseList />} />
      <Route path="new" element={<EnterpriseForm />} />
      <Route path="import" element={<ImportWizard />} />
      <Route path="map" element={<EnterpriseMap />} />
      <Route path=":id" element={<EnterpriseShow />} />
      <Route path=":id/edit" element={<EnterpriseForm key="edit" />} />
    </Routes>
  );
}
