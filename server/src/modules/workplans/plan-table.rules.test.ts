// The task table as Longgang 000 writes it (seeds/000 lines 132–335): 责任单位 wordings → lead and co-operating units;
// the Word file with vertically merged 工作项目 cells and repeated header rows → 20 items and 28 content rows.
import { describe, expect, it } from 'vitest';
import { itemsOf, rowsFromGrid } from './plan-table';
import { documentXml, docxTables } from './plan-table.docx';
import { wordTable } from './plan-table.fixtures';
import { parseResponsibility } from './plan-table.rules';
import { unitResolver } from './plan-table.units';
import { LONGGANG_PAGE_BREAKS_BEFORE, LONGGANG_ROWS, LONGGANG_TITLE } from './longgang-table.fixture';

describe('责任单位 (seeds/000 lines 141–335)', () => {
  it('takes the first unit before 牵头 as lead and every other named unit as co-operating', () => {
    expect(parseResponsibility('区编办牵头，区法制办、安监局、各街道办配合落实')).toEqual({
      lead: { name: '区编办' },
      co: [{ name: '区法制办' }, { name: '安监局' }, { collective: 'streets', name: '各街道办' }],
    });
    expect(parseResponsibility('区编办、区法制办牵头，安监局、各街道办配合落实').lead).toEqual({ name: '区编办' });
    expect(parseResponsibility('区编办、区法制办牵头，安监局、各街道办配合落实').co[0]).toEqual({ name: '区法制办' });
    expect(parseResponsibility('此项工作由区安监局牵头，区经济促进局、各街道办配合落实').lead).toEqual({ name: '区安监局' });
    expect(parseResponsibility('区安监局牵头组织，龙岗公安分局各派出所、市市场和质量监管委龙岗局、各街道办配合落实').co).toEqual([
      { name: '龙岗公安分局各派出所' },
      { name: '市市场和质量监管委龙岗局' },
      { collective: 'streets', name: '各街道办' },
    ]);
    expect(parseResponsibility('区安监局牵头，各街道、各部门配合落实').co).toEqual([
      { collective: 'streets', name: '各街道' },
      { collective: 'departments', name: '各部门' },
    ]);
    expect(parseResponsibility('此项工作由区安监局牵头落实')).toEqual({ lead: { name: '区安监局' }, co: [] });
    expect(parseResponsibility('区安监局牵头落实')).toEqual({ lead: { name: '区安监局' }, co: [] });
    expect(parseResponsibility('各街道办组织落实')).toEqual({ lead: { collective: 'streets', name: '各街道办' }, co: [] });
  });

  it('names a lead in every one of the 28 rows', () => {
    for (const [, , resp] of LONGGANG_ROWS) expect(parseResponsibility(resp).lead, resp).not.toBeNull();
  });

  it('matches 安监局 and 区安监局 to one bureau, and reports an unknown or ambiguous name', () => {
    const resolve = unitResolver(
      [
        { id: 'a', name: '深圳市龙岗区安监局', shortName: null, kind: 'bureau' },
        { id: 's1', name: '甲街道办', shortName: null, kind: 'street_office' },
        { id: 'x', name: '区卫健局', shortName: null, kind: 'industry_department' },
        { id: 'y', name: '市卫健局', shortName: null, kind: 'industry_department' },
      ],
      ['广东省', '深圳市', '龙岗区'],
    );
    expect(resolve({ name: '安监局' })).toEqual({ ids: ['a'] });
    expect(resolve({ name: '龙岗区安监局' })).toEqual({ ids: ['a'] });
    expect(resolve({ name: '区安监局' })).toEqual({ ids: ['a'] });
    expect(resolve({ collective: 'streets', name: '各街道办' })).toEqual({ ids: ['s1'] });
    expect(resolve({ name: '区编办' }).problem?.zh).toBe('未知单位“区编办”');
    expect(resolve({ name: '卫健局' }).problem?.en).toMatch(/several/);
  });
});

describe('the Word table with merged cells', () => {
  it('reads 20 work items and 28 content rows, skipping the title and the repeated headers', () => {
    const docx = wordTable(LONGGANG_ROWS, { title: LONGGANG_TITLE, pageBreaksBefore: LONGGANG_PAGE_BREAKS_BEFORE });
    const xml = documentXml(new Uint8Array(docx))!;
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge/>');
    const { rows, problems } = rowsFromGrid(docxTables(xml).flat());
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(28);
    const items = itemsOf(rows);
    expect(items).toHaveLength(20);
    expect(items.map((i) => i.rows.length)).toEqual([3, 1, 2, 1, 1, 1, 1, 3, 1, 2, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1]);
    expect(items[16]!.item).toBe('17.完善安全培训长效机制');
    expect(items[16]!.rows[2]!.responsibility).toBe('各街道办组织落实');
  });

  it('reads a horizontally merged cell as one cell spanning its grid columns', () => {
    const xml = documentXml(new Uint8Array(wordTable(LONGGANG_ROWS.slice(0, 2), { title: 'T' })))!;
    const grid = docxTables(xml)[0]!;
    expect(grid[0]).toEqual(['T', '', '', '', '']);
    expect(grid[3]![0]).toBe('1.加强监管执法队伍建设'); // the continued cell reads as the one above
  });
});
