// Route map: 联合惩戒 (partner measures, the signed feed; the .xlsx is a file route outside the typed map) and the
// public disclosure page.
import { defineRoutes } from './define';
import {
  partnerExportQuery,
  partnerFeedView,
  partnerMeasuresView,
  publicDisclosurePage,
  publicDisclosureQuery,
} from '../schemas/credit-partners';

export const creditPartnerRoutes = defineRoutes({
  'GET /api/credit/partner-measures': { response: partnerMeasuresView },
  'GET /api/credit/partner-feed': { query: partnerExportQuery, response: partnerFeedView },
  'GET /api/public/credit-disclosures': { query: publicDisclosureQuery, response: publicDisclosurePage },
});
