import { describe, expect, it } from 'vitest';
import { areaByName } from './area-names';

const scope = [
  { code: '440307003', name: '坂田街道', level: 'street' },
  { code: '440307003001', name: '坂田社区', level: 'community' },
  { code: '440307003002', name: '岗头社区', level: 'community' },
  { code: '440307015', name: '龙城街道', level: 'street' },
  { code: '440307015001', name: '新联社区', level: 'community' },
  { code: '440307019', name: '宝龙街道', level: 'street' },
  { code: '440307019001', name: '新联社区', level: 'community' },
  { code: '440307003001001', name: '第1网格', level: 'grid' },
];
const find = areaByName(scope);

describe('area names in the import', () => {
  it('resolves a street by its full name, without 街道, or in full-width/spaced form', () => {
    expect(find('坂田街道')).toEqual({ ok: true, code: '440307003' });
    expect(find('坂田')).toEqual({ ok: true, code: '440307003' });
    expect(find(' 龙城 街道 ')).toEqual({ ok: true, code: '440307015' });
  });

  it('resolves a community by its full name or stem', () => {
    expect(find('坂田社区')).toEqual({ ok: true, code: '440307003001' });
    expect(find('岗头')).toEqual({ ok: true, code: '440307003002' });
  });

  it('answers a name several areas share with the choices and their codes', () => {
    const r = find('新联社区');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.zh).toBe('“新联社区”对应多个区划，请改填代码：新联社区（440307015001）、新联社区（440307019001）');
      expect(r.message.en).toContain('440307019001');
    }
  });

  it('answers an unknown name (or a grid, whose names repeat) with the streets in scope', () => {
    for (const name of ['布吉', '第1网格']) {
      const r = find(name);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.message.zh).toBe(
          `管辖范围内没有名为“${name}”的街道或社区；可选街道：坂田街道（440307003）、龙城街道（440307015）、宝龙街道（440307019）`,
        );
    }
  });
});
