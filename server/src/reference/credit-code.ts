// 统一社会信用代码 (unified social credit code) per GB 32100-2015《法人和其他组织统一社会信用代码编码规则》.
// 18 characters: 登记管理部门码 (1) + 机构类别码 (1) + 登记管理机关行政区划码 (6, GB/T 2260)
// + 主体标识码 (9, GB 11714 组织机构代码) + 校验码 (1). See docs/rules.md §6.1.
import type { Bilingual } from '@anjian/contracts';

/** The 31 characters of GB 32100 in value order; I, O, S, V and Z are never used. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Wᵢ = 3^(i−1) mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 登记管理部门码 → its name and the 机构类别码 it issues (GB 32100-2015; docs/rules.md §6.1 table). For example
 * 9 工商 issues 1 企业, 2 个体工商户, 3 农民专业合作社; 1 机构编制 issues 1 机关, 2 事业单位, 3 群众团体, 9 其他.
 */
export const REGISTRATION_DEPARTMENTS: Record<string, { name: Bilingual; categories: string }> = {
  '1': { name: { zh: '机构编制', en: 'establishment office' }, categories: '1239' },
  '2': { name: { zh: '外交', en: 'foreign affairs' }, categories: '19' },
  '3': { name: { zh: '司法行政', en: 'justice administration' }, categories: '123459' },
  '4': { name: { zh: '文化', en: 'culture' }, categories: '19' },
  '5': { name: { zh: '民政', en: 'civil affairs' }, categories: '1239' },
  '6': { name: { zh: '旅游', en: 'tourism' }, categories: '129' },
  '7': { name: { zh: '宗教', en: 'religious affairs' }, categories: '129' },
  '8': { name: { zh: '工会', en: 'trade unions' }, categories: '19' },
  '9': { name: { zh: '工商（市场监管）', en: 'market regulation' }, categories: '123' },
  A: { name: { zh: '中央军委改革和编制办公室', en: 'military establishment office' }, categories: '19' },
  N: { name: { zh: '农业', en: 'agriculture' }, categories: '1239' },
  Y: { name: { zh: '其他', en: 'other' }, categories: '1' },
};

/** GB/T 2260 province codes (first two digits of a division code); 10 stands for the national registry (100000). */
const PROVINCES = new Set(
  '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

export type CreditCodeRule = 'length' | 'charset' | 'department' | 'category' | 'division' | 'checksum';

export interface CreditCodeParts {
  department: string;
  category: string;
  division: string;
  subject: string;
  check: string;
}

export type CreditCodeResult =
  | ({ ok: true; code: string } & CreditCodeParts)
  | {
      ok: false;
      /** The normalised input. */
      code: string;
      rule: CreditCodeRule;
      message: Bilingual;
      /** For a checksum mismatch: the character position 18 should have been. */
      expectedCheck?: string;
    };

/**
 * Full-width characters (common in Chinese spreadsheets) become ASCII, letters upper case, spaces go.
 * NFKC maps ＡＢＣ１２３ to ABC123 and leaves the 31-character set untouched.
 */
export function normaliseCreditCode(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters (which must already be in the charset). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

const fail = (code: string, rule: CreditCodeRule, zh: string, en: string, expectedCheck?: string): CreditCodeResult => ({
  ok: false,
  code,
  rule,
  message: { zh, en },
  ...(expectedCheck ? { expectedCheck } : {}),
});

/** Checks the rules in the order a person would read the code, and reports the first one broken. */
export function checkCreditCode(input: string): CreditCodeResult {
  const code = normaliseCreditCode(input);
  if (code.length !== 18) {
    return fail(
      code,
      'length',
      `统一社会信用代码应为 18 位，当前为 ${code.length} 位`,
      `A unified social credit code has 18 characters; this one has ${code.length}`,
    );
  }
  for (let i = 0; i < 18; i++) {
    const c = code[i]!;
    if (!CREDIT_CODE_CHARSET.includes(c)) {
      // A bad last character is still a check character: say what it should have been.
      const expected = i === 17 ? creditCodeCheckChar(code.slice(0, 17)) : undefined;
      return fail(
        code,
        'charset',
        `第 ${i + 1} 位“${c}”不是允许的字符：只能使用数字和除 I、O、S、V、Z 以外的大写字母（GB 32100-2015）` +
          (expected ? `；按校验规则应为“${expected}”` : ''),
        `Character ${i + 1} "${c}" is not allowed: only digits and capital letters except I, O, S, V, Z (GB 32100-2015)` +
          (expected ? `; by the check rule it should be "${expected}"` : ''),
        expected,
      );
    }
  }
  const [department, category] = [code[0]!, code[1]!];
  const dept = REGISTRATION_DEPARTMENTS[department];
  if (!dept) {
    return fail(
      code,
      'department',
      `第 1 位登记管理部门码“${department}”无效：应为 1–9、A、N 或 Y`,
      `Character 1, the registration department "${department}", is invalid: use 1–9, A, N or Y`,
    );
  }
  if (!dept.categories.includes(category)) {
    const allowed = [...dept.categories].join('、');
    return fail(
      code,
      'category',
      `第 2 位机构类别码“${category}”不属于登记管理部门“${dept.name.zh}”（可用：${allowed}）`,
      `Character 2, the organisation category "${category}", is not issued by the ${dept.name.en} registry (allowed: ${allowed.replace(/、/g, ', ')})`,
    );
  }
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !PROVINCES.has(division.slice(0, 2))) {
    return fail(
      code,
      'division',
      `第 3–8 位“${division}”不是有效的 6 位行政区划代码（GB/T 2260）`,
      `Characters 3–8 "${division}" are not a 6-digit administrative division code (GB/T 2260)`,
    );
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  const actual = code[17]!;
  if (expected !== actual) {
    return fail(
      code,
      'checksum',
      `校验码不符：按 GB 32100-2015 计算，第 18 位应为“${expected}”，实际为“${actual}”。请核对是否抄错`,
      `Check character mismatch: by GB 32100-2015 character 18 should be "${expected}", not "${actual}". Check for a typo`,
      expected,
    );
  }
  return { ok: true, code, department, category, division, subject: code.slice(8, 17), check: actual };
}

/** Builds a valid code from its first 17 characters (seeds and tests). */
export function completeCreditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}
