import { describe, expect, it } from 'vitest';
import { WORK_TASK_TITLE_CONTENT_PREFIX, workTaskTitle } from './work-task-title';

describe('a work task named as its plan numbers it', () => {
  it("keeps the item's own number and adds the row's, without the platform's row number", () => {
    // The demo's Longgang plan table (server/src/seed/workplans.ts): item "7.实施联合执法", row "（1）联合市场监管部门…".
    expect(workTaskTitle({ seq: 6, item: '7.实施联合执法', content: '（1）联合市场监管部门对重点企业…' })).toBe('7.实施联合执法（1）');
    expect(workTaskTitle({ seq: 2, item: '1.加强监管执法队伍建设', content: '（2）配置安全监管部门人员编制' })).toBe(
      '1.加强监管执法队伍建设（2）',
    );
    expect(workTaskTitle({ seq: 9, item: '十二、强化宣传', content: '(3) 组织宣传月' })).toBe('十二、强化宣传（3）');
  });

  it('numbers an item without a number of its own by its row', () => {
    expect(workTaskTitle({ seq: 3, item: '实施精准执法', content: '把执法检查重点向事故多发的领域倾斜' })).toBe('3. 实施精准执法');
    expect(workTaskTitle({ seq: 4, item: ' 开展专项检查 ' })).toBe('4. 开展专项检查');
    // A year or an amount at the start is not a number of the item.
    expect(workTaskTitle({ seq: 5, item: '2026年度安全检查', content: null })).toBe('5. 2026年度安全检查');
  });

  it('reads the row marker within the prefix a query may select', () => {
    const content = '（12）在各社区、工业园区设立安全管理人员活动园地';
    expect(workTaskTitle({ seq: 1, item: '17.完善安全培训长效机制', content: content.slice(0, WORK_TASK_TITLE_CONTENT_PREFIX) })).toBe(
      '17.完善安全培训长效机制（12）',
    );
  });
});
