// Route map: 安责险 (policies, coverage check, rates) and 安全生产标准化 (records, expiring grades, rates).
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  insuranceCoverageQuery,
  insuranceCoverageView,
  insuranceRatesView,
  policyBody,
  policyListQuery,
  policyPage,
  policyView,
  ratesQuery,
  standardizationExpiringPage,
  standardizationExpiringQuery,
  standardizationRatesView,
  standardizationRecordBody,
  standardizationRecordPage,
  standardizationRecordQuery,
  standardizationRecordView,
  updatePolicyBody,
  insuranceSettingsView,
  putInsuranceSettingsBody,
} from '../schemas/insurance';

export const insuranceRoutes = defineRoutes({
  'GET /api/insurance/policies': { query: policyListQuery, response: policyPage },
  'POST /api/insurance/policies': { body: policyBody, response: policyView },
  'PATCH /api/insurance/policies/:id': { params: idParams, body: updatePolicyBody, response: policyView },
  'GET /api/insurance/settings': { response: insuranceSettingsView },
  'PUT /api/insurance/settings': { body: putInsuranceSettingsBody, response: insuranceSettingsView },
  'GET /api/insurance/coverage': { query: insuranceCoverageQuery, response: insuranceCoverageView },
  'GET /api/insurance/rates': { query: ratesQuery, response: insuranceRatesView },
  'GET /api/standardization/records': { query: standardizationRecordQuery, response: standardizationRecordPage },
  'POST /api/standardization/records': { body: standardizationRecordBody, response: standardizationRecordView },
  'GET /api/standardization/expiring': { query: standardizationExpiringQuery, response: standardizationExpiringPage },
  'GET /api/standardization/rates': { query: ratesQuery, response: standardizationRatesView },
});
