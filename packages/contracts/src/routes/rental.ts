// Route map: 出租屋安全生产备案 — premises, 备案 and community acceptance.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  createFilingBody,
  createPremisesBody,
  premisesListQuery,
  premisesPage,
  premisesView,
  rentalFilingActBody,
  rentalFilingListQuery,
  rentalFilingPage,
  rentalFilingView,
} from '../schemas/rental';

export const rentalRoutes = defineRoutes({
  'GET /api/rental/premises': { query: premisesListQuery, response: premisesPage },
  'POST /api/rental/premises': { body: createPremisesBody, response: premisesView },
  'GET /api/rental/filings': { query: rentalFilingListQuery, response: rentalFilingPage },
  'POST /api/rental/filings': { body: createFilingBody, response: rentalFilingView },
  'GET /api/rental/filings/:id': { params: idParams, response: rentalFilingView },
  'POST /api/rental/filings/:id/act': { params: idParams, body: rentalFilingActBody, response: rentalFilingView },
});
