// 网格化巡查 screens: my units and the visit form (/grid), a unit's visits, the unit registration form, the street's
// coverage dashboard and the review of units registered on patrol.
import { Route, Routes } from 'react-router-dom';
import { MyUnits } from './MyUnits';
import { VisitForm } from './VisitForm';
import { VisitList, VisitShow } from './Visits';
import { RegistrationList, RegistrationShow } from './Registrations';

export { Coverage } from './Coverage';
export { RegisterUnit } from './RegisterUnit';
export { RentalPage } from './Rental';

export function GridRoutes() {
  return (
    <Routes>
      <Route index element={<MyUnits />} />
      <Route path="visit/:enterpriseId" element={<VisitForm />} />
      <Route path="visits" element={<VisitList />} />
      <Route path="visits/:id" element={<VisitShow />} />
    </Routes>
  );
}

export function GridRegistrationRoutes() {
  return (
    <Routes>
      <Route index element={<RegistrationList />} />
      <Route path=":id" element={<RegistrationShow />} />
    </Routes>
  );
}
