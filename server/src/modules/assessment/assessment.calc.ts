// One unit's score sheet from the scheme and the unit's facts: a line per indicator (the value the rule read, how it
// was obtained, the target, the rule, the points), the vetoes checked, and the total. Pure: the facts come from
// assessment.sources.ts (the platform's rollups) and the sheet's entered values.
import { indicatorSourceLabels, vetoLabels, type IndicatorDef, type ScoreLine, type VetoKind, type VetoLine } from '@anjian/contracts';
import { describeRule, isCountRule, round2, scoreCounts, scoreRate } from './assessment.rules';
import { emptyModuleFacts, type ModuleFacts } from './assessment.module-sources';
import { standardizationShortfall } from '../insurance/standardization.rules';

export interface UnitFacts {
  hazards: { found: number; onTime: number };
  reports: { filed: number; onTime: number };
  accidents: { deaths: number; deathsLastYear: number; count: number; countLastYear: number; larger: number };
  /** Other capabilities' facts, read for the sources the scheme uses (assessment.module-sources.ts). */
  modules?: ModuleFacts;
}
export type Entered = Record<string, { value: number; evidence: string }>;

export const CONCEALMENT_KEY = 'veto_concealment';

const rate = (part: number, whole: number) => (whole === 0 ? null : round2((part * 100) / whole));

function line(def: IndicatorDef, facts: UnitFacts, entered: Entered): ScoreLine {
  const { target, rule } = describeRule(def.rule);
  const base = { key: def.key, name: def.name, source: def.source, weight: def.weight, target, rule };
  switch (def.source) {
    case 'hazards_on_time': {
      const value = rate(facts.hazards.onTime, facts.hazards.found);
      const basis = `按期整改 ${facts.hazards.onTime} / 发现 ${facts.hazards.found}${value === null ? '（无隐患，按满分计）' : ''}`;
      return { ...base, value, basis, points: scoreRate(def.rule, def.weight, value) };
    }
    case 'workplan_reports_on_time': {
      const value = rate(facts.reports.onTime, facts.reports.filed);
      const basis = `按时报送 ${facts.reports.onTime} / 已报送 ${facts.reports.filed}${value === null ? '（无报送任务，按满分计）' : ''}`;
      return { ...base, value, basis, points: scoreRate(def.rule, def.weight, value) };
    }
    case 'accident_deaths_reduction': {
      const a = facts.accidents;
      const counts = { thisYear: a.deaths, lastYear: a.deathsLastYear, accidentsThisYear: a.count, accidentsLastYear: a.countLastYear };
      return {
        ...base,
        value: a.deaths,
        basis: `本年死亡 ${a.deaths} 人，上年 ${a.deathsLastYear} 人`,
        points: scoreCounts(def.rule, def.weight, counts),
      };
    }
    case 'accident_double_decline': {
      const a = facts.accidents;
      const counts = { thisYear: a.deaths, lastYear: a.deathsLastYear, accidentsThisYear: a.count, accidentsLastYear: a.countLastYear };
      return {
        ...base,
        value: a.count,
        basis: `本年事故 ${a.count} 起、死亡 ${a.deaths} 人；上年 ${a.countLastYear} 起、${a.deathsLastYear} 人`,
        points: scoreCounts(def.rule, def.weight, counts),
      };
    }
    case 'standardization_rate': {
      const s = (facts.modules ?? emptyModuleFacts()).standardization;
      const value = rate(s.graded, s.above);
      // Seed 003's own deduction (insurance/standardization.rules.ts) beside the scheme's rule, for the reader to check.
      const seed = value === null ? '' : `（惠济003：每少10个百分点扣0.5分，应扣${standardizationShortfall(value, def.weight)}分）`;
      const basis = `三级以上达标 ${s.graded} / 规上企业 ${s.above}${value === null ? '（无规上企业，按满分计）' : seed}`;
      return { ...base, value, basis, points: scoreRate(def.rule, def.weight, value) };
    }
    case 'certificate_rate': {
      const c = (facts.modules ?? emptyModuleFacts()).certificates;
      const value = rate(c.holders, c.people);
      const basis = `持有效证书 ${c.holders} / 三项岗位在岗 ${c.people}${value === null ? '（无三项岗位人员，按满分计）' : ''}`;
      return { ...base, value, basis, points: scoreRate(def.rule, def.weight, value) };
    }
    case 'principal_training_rate': {
      const tr = (facts.modules ?? emptyModuleFacts()).training;
      const value = rate(tr.trained, tr.principals);
      const basis = `已培训 ${tr.trained} / 主要负责人 ${tr.principals}${value === null ? '（无主要负责人记录，按满分计）' : ''}`;
      return { ...base, value, basis, points: scoreRate(def.rule, def.weight, value) };
    }
    case 'inspections_vs_plan': {
      const i = (facts.modules ?? emptyModuleFacts()).inspections;
      if (!i.hasPlan) return { ...base, value: 0, basis: '未制定年度执法检查计划', points: scoreRate(def.rule, def.weight, 0) };
      const value = rate(i.done, i.required);
      const basis = `完成检查 ${i.done} / 计划应检 ${i.required}（各组超额不抵他组）${value === null ? '（计划无应检企业，按满分计）' : ''}`;
      return { ...base, value, basis, points: scoreRate(def.rule, def.weight, value) };
    }
    case 'entered': {
      const e = entered[def.key];
      if (!e) return { ...base, value: null, basis: '未填报 / not entered', points: 0 };
      return { ...base, value: e.value, basis: `填报：${e.evidence}`, points: scoreRate(def.rule, def.weight, e.value) };
    }
  }
}

function veto(kind: VetoKind, facts: UnitFacts, entered: Entered): VetoLine {
  if (kind === 'larger_accident') {
    const n = facts.accidents.larger;
    return { kind, hit: n > 0, basis: n > 0 ? `本年较大及以上事故 ${n} 起` : '本年无较大及以上事故' };
  }
  const e = entered[CONCEALMENT_KEY];
  const hit = !!e && e.value > 0;
  return { kind, hit, basis: hit ? `${vetoLabels.concealment.zh}：${e.evidence}` : '未认定' };
}

export function computeSheet(indicators: IndicatorDef[], vetoes: VetoKind[], facts: UnitFacts, entered: Entered) {
  const lines = indicators.map((d) => line(d, facts, entered));
  const vetoLines = vetoes.map((k) => veto(k, facts, entered));
  const computedTotal = round2(lines.reduce((s, l) => s + l.points, 0));
  return { lines, vetoLines, vetoed: vetoLines.some((v) => v.hit), computedTotal };
}

/** A scheme's indicator whose rule does not fit its source (a count rule on a rate, or the reverse): the field and why. */
export function misfit(defs: IndicatorDef[]): { index: number; zh: string; en: string } | null {
  for (const [index, d] of defs.entries()) {
    const countSource = d.source === 'accident_deaths_reduction' || d.source === 'accident_double_decline';
    if (countSource !== isCountRule(d.rule)) {
      return {
        index,
        zh: `“${indicatorSourceLabels[d.source].zh}”须使用${countSource ? '起数/人数' : '比率'}类计分规则`,
        en: `"${indicatorSourceLabels[d.source].en}" needs a ${countSource ? 'count' : 'rate'} rule`,
      };
    }
  }
  const keys = new Set<string>();
  for (const [index, d] of defs.entries()) {
    if (keys.has(d.key)) return { index, zh: '指标代码重复', en: 'Duplicate indicator key' };
    keys.add(d.key);
  }
  return null;
}
