// 年度考核 screens under /assessment: schemes and sheets, one scheme (editor, ranking, export), one score sheet.
import { Route, Routes } from 'react-router-dom';
import { AssessmentList } from './AssessmentList';
import { SchemeShow } from './SchemeShow';
import { SheetShow } from './SheetShow';

export function AssessmentRoutes() {
  return (
    <Routes>
      <Route index element={<AssessmentList />} />
      <Route path="schemes/:id" element={<SchemeShow />} />
      <Route path="sheets/:id" element={<SheetShow />} />
    </Routes>
  );
}
