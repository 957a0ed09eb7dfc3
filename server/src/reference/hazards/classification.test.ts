// Source: 安全生产事故隐患排查治理暂行规定 (安监总局令第16号) 第三条 (definitions, H) and the 重大事故隐患治理方案
// contents (M), docs/rules.md §3.1. 五落实 is common practice (L).
import { describe, expect, it } from 'vitest';
import {
  finderOf,
  fiveImplementations,
  hazardCategories,
  hazardCategoryInfo,
  hazardGradeInfo,
  hazardSourceInfo,
  hazardSources,
  implementationLabels,
  missingImplementations,
  missingPlanParts,
  treatmentPlanPartLabels,
  treatmentPlanParts,
} from './classification';

describe('hidden-danger code tables', () => {
  it('lists six sources and treats only the self-check as enterprise-found', () => {
    expect(hazardSources).toHaveLength(6);
    expect(hazardSources.filter((s) => finderOf(s) === 'enterprise')).toEqual(['enterprise_self_check']);
    for (const s of hazardSources) expect(hazardSourceInfo[s].label.en).not.toBe('');
  });

  it('names the three 令16号 第三条 kinds plus the environment factor', () => {
    expect(hazardCategories.map((c) => hazardCategoryInfo[c].label.zh)).toEqual([
      '人的不安全行为',
      '物的危险状态',
      '管理上的缺陷',
      '环境因素',
    ]);
    expect(hazardCategories.filter((c) => hazardCategoryInfo[c].source === '令16号 第三条')).toHaveLength(3);
  });

  it('carries the 令16号 第三条 definitions of 一般 and 重大事故隐患', () => {
    expect(hazardGradeInfo.general.definition.zh).toBe('危害和整改难度较小，发现后能够立即整改排除的隐患。');
    expect(hazardGradeInfo.major.definition.zh).toContain('应当全部或者局部停产停业');
    expect(hazardGradeInfo.major.definition.zh).toContain('因外部因素影响致使生产经营单位自身难以排除的隐患');
  });
});

describe('重大事故隐患治理方案 contents (令16号, docs/rules.md §3.1)', () => {
  it('has the six required parts in order', () => {
    expect(treatmentPlanParts.map((p) => treatmentPlanPartLabels[p].zh)).toEqual([
      '治理的目标和任务',
      '方法和措施',
      '经费和物资',
      '机构和人员',
      '时限和要求',
      '安全措施和应急预案',
    ]);
  });

  it('reports the parts still missing, treating blank text as missing', () => {
    expect(missingPlanParts({})).toEqual([...treatmentPlanParts]);
    expect(
      missingPlanParts({
        goals_and_tasks: '消除煤磨袋式收尘器缺少CO监测的隐患',
        methods_and_measures: '加装固定式一氧化碳浓度监测报警装置',
        funds_and_materials: '  ',
        organisation_and_personnel: '设备部 张三',
        time_limit_and_requirements: null,
        safety_measures_and_emergency_plan: '停机期间执行专项应急预案',
      }),
    ).toEqual(['funds_and_materials', 'time_limit_and_requirements']);
    const complete = Object.fromEntries(treatmentPlanParts.map((p) => [p, 'x']));
    expect(missingPlanParts(complete)).toEqual([]);
  });
});

describe('五落实 (措施、资金、时限、责任人、应急预案)', () => {
  it('lists the five in order with bilingual labels', () => {
    expect(fiveImplementations.map((k) => implementationLabels[k].zh)).toEqual(['措施', '资金', '时限', '责任人', '应急预案']);
  });

  it('accepts 0 yuan as settled funds but not a missing or blank value', () => {
    expect(
      missingImplementations({
        measures: '加装联锁',
        funds: 0,
        time_limit: '2025-10-10',
        responsible_person: '李四',
        emergency_plan: 'YA-01',
      }),
    ).toEqual([]);
    expect(missingImplementations({ measures: '', funds: null, time_limit: '2025-10-10' })).toEqual([
      'measures',
      'funds',
      'responsible_person',
      'emergency_plan',
    ]);
  });
});
