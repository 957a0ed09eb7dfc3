// 信用 screens: the 严重失信主体名单 workspace under /credit-listings, the grade list, the enterprise file's tab, and
// the public list (shown on the public notices page).
import { Route, Routes } from 'react-router-dom';
import { ListingList } from './ListingList';
import { ListingShow } from './ListingShow';

export { CreditGradeList } from './CreditGradeList';
export { EnterpriseCreditTab } from './EnterpriseCreditTab';
export { PublicListings } from './PublicListings';
export { PublicDisclosures } from './PublicDisclosures';
export { PartnerPage } from './PartnerPage';

export function ListingRoutes() {
  return (
    <Routes>
      <Route index element={<ListingList />} />
      <Route path=":id" element={<ListingShow />} />
    </Routes>
  );
}
