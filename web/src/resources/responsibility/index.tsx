// 责任清单与责任书 screens: the target-responsibility letters under /responsibility-letters and the enterprise's
// whole-staff responsibility list.
import { Route, Routes } from 'react-router-dom';
import { LetterList } from './LetterList';
import { LetterShow } from './LetterShow';

export { ResponsibilityList } from './ResponsibilityList';

export function LetterRoutes() {
  return (
    <Routes>
      <Route index element={<LetterList />} />
      <Route path=":id" element={<LetterShow />} />
    </Routes>
  );
}
