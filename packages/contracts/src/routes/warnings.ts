// Route map: 警兆知识库 (early-warning rules, their versions and backtests) and the warning inbox.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  backtestQuery,
  backtestView,
  createWarningRuleBody,
  newRuleVersionBody,
  ruleVersionActBody,
  ruleVersionView,
  warningActBody,
  warningListQuery,
  warningPage,
  warningRuleListQuery,
  warningRulePage,
  warningRuleView,
  warningView,
} from '../schemas/warnings';

export const warningRoutes = defineRoutes({
  'GET /api/warning-rules': { query: warningRuleListQuery, response: warningRulePage },
  'POST /api/warning-rules': { body: createWarningRuleBody, response: warningRuleView },
  'GET /api/warning-rules/:id': { params: idParams, response: warningRuleView },
  'POST /api/warning-rules/:id/versions': { params: idParams, body: newRuleVersionBody, response: warningRuleView },
  'POST /api/warning-rule-versions/:id/act': { params: idParams, body: ruleVersionActBody, response: ruleVersionView },
  'GET /api/warning-rule-versions/:id/backtest': { params: idParams, query: backtestQuery, response: backtestView },
  'GET /api/warnings': { query: warningListQuery, response: warningPage },
  'GET /api/warnings/:id': { params: idParams, response: warningView },
  'POST /api/warnings/:id/act': { params: idParams, body: warningActBody, response: warningView },
});
