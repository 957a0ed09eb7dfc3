// Route map: 责任清单与责任书 — an enterprise's whole-staff responsibility list and post letters, the government's
// target-responsibility letters district → street → community / enterprise.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  createLetterBody,
  letterActBody,
  letterDetail,
  letterListQuery,
  letterPage,
  letterRecipientsView,
  responsibilityListView,
  responsibilityPostBody,
  responsibilityPostView,
  signPostLetterBody,
  updateResponsibilityPostBody,
} from '../schemas/responsibility';

export const responsibilityRoutes = defineRoutes({
  'GET /api/enterprises/:id/responsibility-posts': { params: idParams, response: responsibilityListView },
  'POST /api/enterprises/:id/responsibility-posts': { params: idParams, body: responsibilityPostBody, response: responsibilityPostView },
  'PATCH /api/responsibility-posts/:id': { params: idParams, body: updateResponsibilityPostBody, response: responsibilityPostView },
  'POST /api/responsibility-posts/:id/sign': { params: idParams, body: signPostLetterBody, response: responsibilityPostView },
  'GET /api/responsibility-letters': { query: letterListQuery, response: letterPage },
  'POST /api/responsibility-letters': { body: createLetterBody, response: letterDetail },
  'GET /api/responsibility-letter-recipients': { response: letterRecipientsView },
  'GET /api/responsibility-letters/:id': { params: idParams, response: letterDetail },
  'POST /api/responsibility-letters/:id/act': { params: idParams, body: letterActBody, response: letterDetail },
});
