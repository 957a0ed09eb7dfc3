import { describe, expect, it } from 'vitest';
import { maskAddress, maskFreeText, maskIdNumber, maskPersonName, maskPhone } from './mask';

describe('mask', () => {
  it('masks identity numbers keeping region and last four', () => {
    expect(maskIdNumber('44030719800101123X')).toBe('440307********123X');
    expect(maskIdNumber('440307800101123')).toBe('440307*****1123');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber(null)).toBeNull();
  });
  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0755-28881234')).toBe('********1234');
  });
  it('masks home addresses and names', () => {
    expect(maskAddress('深圳市龙岗区龙城街道爱联社区某路12号301')).toBe('深圳市龙岗区龙城街道****');
    expect(maskAddress('某地某路1号')).toBe('****');
    expect(maskPersonName('张三丰')).toBe('张＊＊');
  });
  it('masks numbers inside free text', () => {
    expect(maskFreeText('当事人张三（身份证44030719800101123X，电话13812345678）')).toBe(
      '当事人张三（身份证440307********123X，电话138****5678）',
    );
  });
});
