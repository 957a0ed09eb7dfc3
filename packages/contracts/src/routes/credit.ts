// Route map: 信用 — an enterprise's credit record and grade, the list by grade, the 严重失信主体名单 workspace, the
// lookup by credit code and the public page of published listings.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  creditGradeListQuery,
  creditGradePage,
  creditLookupQuery,
  enterpriseCreditView,
  listingActBody,
  listingCandidates,
  listingDetail,
  listingListQuery,
  listingPage,
  proposeListingBody,
  publicListingPage,
  publicListingsQuery,
} from '../schemas/credit';
import { creditLookupWithMeasures } from '../schemas/credit-partners';

export const creditRoutes = defineRoutes({
  'GET /api/enterprises/:id/credit': { params: idParams, response: enterpriseCreditView },
  'GET /api/credit/enterprises': { query: creditGradeListQuery, response: creditGradePage },
  'GET /api/credit/listings': { query: listingListQuery, response: listingPage },
  'POST /api/credit/listings': { body: proposeListingBody, response: listingDetail },
  'GET /api/credit/listing-candidates': { response: listingCandidates },
  'GET /api/credit/listings/:id': { params: idParams, response: listingDetail },
  'POST /api/credit/listings/:id/act': { params: idParams, body: listingActBody, response: listingDetail },
  'GET /api/credit/lookup': { query: creditLookupQuery, response: creditLookupWithMeasures },
  'GET /api/public/credit-listings': { query: publicListingsQuery, response: publicListingPage },
});
