// 警兆知识库 screens: the rule editor with backtests (/warning-rules) and the warning inbox (/warnings, one warning
// at /warnings/:id — where notifications link).
import { Route, Routes } from 'react-router-dom';
import { WarningInbox, WarningShow } from './WarningInbox';
export { WarningRules } from './WarningRules';

export function WarningRoutes() {
  return (
    <Routes>
      <Route index element={<WarningInbox />} />
      <Route path=":id" element={<WarningShow />} />
    </Routes>
  );
}
