// GB 32100-2015《法人和其他组织统一社会信用代码编码规则》: structure (§4), character set and check
// character (§5, weights 3^(i−1) mod 31). Codes and failures from docs/rules.md §6.1.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_CHARSET, checkCreditCode, completeCreditCode, creditCodeCheckChar, normaliseCreditCode } from './credit-code';
import { industryCodeConsistent } from './industry-code';

describe('GB 32100-2015 unified social credit code', () => {
  it.each([
    ['91350100M000100Y43', 'the standard’s worked example, corrected'],
    ['914403001922038216', '华为技术有限公司'],
    ['9144030071526726XG', '腾讯科技(深圳)有限公司'],
    ['91330100799655058B', '阿里巴巴(中国)有限公司'],
    ['91110000710925462X', '中国石油天然气股份有限公司'],
    ['91110108551385082Q', '小米科技有限责任公司'],
    ['91110000802100433B', '百度在线网络技术(北京)有限公司'],
    ['11320000MB151840XJ', '机构编制 / 机关, 江苏'],
    ['91512081MA62K0260E', 'Q&A worked example'],
    ['9131000063159284XQ', 'segmentfault thread, passes'],
  ])('accepts %s (%s) and splits it into its parts', (code) => {
    const r = checkCreditCode(code);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.department + r.category + r.division + r.subject + r.check).toBe(code);
      expect(r.subject).toHaveLength(9);
    }
  });

  it('computes the worked example of the standard: Σ = 1640, 1640 mod 31 = 28, 31 − 28 = 3', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(completeCreditCode('91350100M000100Y4')).toBe('91350100M000100Y43');
  });

  it('explains a check-character mismatch and says what it should be, in Chinese and English', () => {
    // segmentfault reports this real, issued code (Fujian) failing the check: the platform warns.
    const r = checkCreditCode('91350211M0000XUF46');
    expect(r).toMatchObject({ ok: false, rule: 'checksum', expectedCheck: 'R' });
    if (!r.ok) {
      expect(r.message.zh).toContain('第 18 位应为“R”');
      expect(r.message.en).toContain('should be "R"');
    }
  });

  it('treats a last character outside the set (…Y4Z, the standard’s bad input) as a charset error naming the right one', () => {
    const r = checkCreditCode('91350100M000100Y4Z');
    expect(r).toMatchObject({ ok: false, rule: 'charset', expectedCheck: '3' });
    if (!r.ok) expect(r.message.zh).toContain('应为“3”');
  });

  it.each([
    ['91350100M000100Y4', 'length', '18 位'],
    ['91350100M000100Y433', 'length', '19 位'],
    ['91350100M0001O0Y43', 'charset', '第 14 位“O”'],
    ['9135010IM000100Y43', 'charset', '第 8 位“I”'],
    ['B1350100M000100Y43', 'department', '登记管理部门码“B”'],
    ['94350100M000100Y43', 'category', '机构类别码“4”'],
    ['Y2350100M000100Y43', 'category', '可用：1'],
    ['91ABCDEFM000100Y43', 'division', '“ABCDEF”'],
    ['91990100M000100Y43', 'division', '“990100”'],
  ])('rejects %s by the %s rule', (code, rule, zhFragment) => {
    const r = checkCreditCode(code);
    expect(r).toMatchObject({ ok: false, rule });
    if (!r.ok) {
      expect(r.message.zh).toContain(zhFragment);
      expect(r.message.en.length).toBeGreaterThan(10);
    }
  });

  it('normalises full-width characters, lower case and spaces before checking', () => {
    expect(normaliseCreditCode(' ９１４４０３００１９２２０３８２１６ ')).toBe('914403001922038216');
    expect(checkCreditCode('9144030071526726xg').ok).toBe(true);
    expect(checkCreditCode('9144 0300 7152 6726 XG').ok).toBe(true);
  });

  it('accepts every completed body, and any one-character change to it fails (property)', () => {
    const char = fc.constantFrom(...CREDIT_CODE_CHARSET);
    const body = fc.array(char, { minLength: 9, maxLength: 9 }).map((cs) => `92440307${cs.join('')}`);
    fc.assert(
      fc.property(body, fc.nat(16), fc.integer({ min: 1, max: 30 }), (b, pos, shift) => {
        const code = completeCreditCode(b);
        expect(checkCreditCode(code).ok).toBe(true);
        // Every weight is non-zero mod the prime 31, so a single substitution always changes the sum.
        const other = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(code[pos]!) + shift) % 31]!;
        expect(checkCreditCode(code.slice(0, pos) + other + code.slice(pos + 1)).ok).toBe(false);
      }),
    );
  });
});

describe('GB/T 4754-2017 industry codes', () => {
  it('accepts a division inside its section and refuses one outside it', () => {
    expect(industryCodeConsistent('C')).toBe(true);
    expect(industryCodeConsistent('C33')).toBe(true);
    expect(industryCodeConsistent('C3311')).toBe(true);
    expect(industryCodeConsistent('F51')).toBe(true);
    expect(industryCodeConsistent('C51')).toBe(false);
    expect(industryCodeConsistent('E46')).toBe(false);
  });
});
