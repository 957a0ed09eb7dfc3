// 所属区域 names the street once when the enterprise's area is the street itself (or a district).
import { describe, expect, it } from 'vitest';
import { areaText } from './areaText';

describe('areaText', () => {
  it('names the street and the community below it', () => {
    expect(areaText({ areaCode: '440307003002', areaName: '南湾社区', streetName: '南湾街道' })).toBe('南湾街道 / 南湾社区 (440307003002)');
  });

  it('names an area at street level or above once', () => {
    expect(areaText({ areaCode: '440307003', areaName: '南湾街道', streetName: '南湾街道' })).toBe('南湾街道 (440307003)');
    expect(areaText({ areaCode: '440307', areaName: '龙岗区', streetName: '龙岗区' })).toBe('龙岗区 (440307)');
  });

  it('keeps what is known when a name is missing', () => {
    expect(areaText({ areaCode: '440307003099', areaName: null, streetName: '南湾街道' })).toBe('南湾街道 (440307003099)');
    expect(areaText({ areaCode: '440307999', areaName: null, streetName: null })).toBe('440307999');
  });
});
