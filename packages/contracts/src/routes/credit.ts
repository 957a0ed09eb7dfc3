// Route map: 信用 — an enterprise's credit record and grade, the list by grade, and the 严重失信主体名单.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import { creditGradeListQuery, creditGradePage, enterpriseCreditView } from '../schemas/credit';

export const creditRoutes = defineRoutes({
  'GET /api/enterprises/:id/credit': { params: idParams, response: enterpriseCreditView },
  'GET /api/credit/enterprises': { query: creditGradeListQuery, response: creditGradePage },
});
