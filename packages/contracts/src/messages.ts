// Bilingual texts for custom validation rules. A schema sets `error: 'key'`; the server translates the key.
import type { Bilingual } from './errors';

export const validationMessages = {
  'password.policy': {
    zh: '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类',
    en: 'At least 8 characters with 3 of: upper case, lower case, digits, symbols',
  },
  'password.common': { zh: '密码过于常见，容易被猜中', en: 'This password is too common and easy to guess' },
  'password.containsUsername': { zh: '密码不能包含用户名', en: 'The password must not contain the username' },
  'phone.format': {
    zh: '电话号码格式不正确：应为 11 位手机号或带区号的座机号',
    en: 'Invalid phone: use an 11-digit mobile or a landline with area code',
  },
  'idNumber.format': {
    zh: '身份证号应为 18 位（最后一位可为 X）',
    en: 'An identity number has 18 characters (the last may be X)',
  },
  'username.format': {
    zh: '用户名为 3–32 位字母、数字、下划线或点',
    en: 'Username: 3–32 letters, digits, underscores or dots',
  },
  'enforcementCertNo.format': {
    zh: '执法证号为 1–32 位字母、数字或连字符',
    en: 'Enforcement certificate numbers have 1–32 letters, digits or hyphens',
  },
  'date.format': { zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  'date.invalid': { zh: '日期不存在（如 2 月 30 日）', en: 'This date does not exist (e.g. 30 February)' },
  'timestamp.format': {
    zh: '时间格式应为带时区的 ISO 8601，如 2026-03-01T08:30:00+08:00',
    en: 'Times are ISO 8601 with an offset, e.g. 2026-03-01T08:30:00+08:00',
  },
  'text.unsafe': {
    zh: '不能包含空字符（NUL）或不成对的代理字符（损坏的 Unicode 文本）',
    en: 'Must not contain NUL characters or unpaired surrogates (broken Unicode text)',
  },
  'input.required': { zh: '必填', en: 'Required' },
  'input.tooDeep': { zh: '请求体嵌套层级过深', en: 'The request body is nested too deeply' },
  'query.repeated': { zh: '此参数只能给出一次', en: 'Give this parameter only once' },
  'month.format': { zh: '月份格式应为 YYYY-MM，如 2026-11', en: 'Use a month as YYYY-MM, e.g. 2026-11' },
  'phase.order': { zh: '阶段结束日期不能早于开始日期', en: 'A phase cannot end before it starts' },
  'spotCheck.sampleSizeOrRatio': { zh: '请填写抽取人数或抽取比例（二选一）', en: 'Give either a sample size or a ratio' },
  'period.order': { zh: '期间结束日期不能早于开始日期', en: 'A period cannot end before it starts' },
  'indicator.key': {
    zh: '指标代码须为小写字母开头的字母、数字或下划线',
    en: 'An indicator key is lower-case letters, digits and underscores',
  },
  'creditCode.format': { zh: '统一社会信用代码应为 18 位', en: 'Credit codes have 18 characters' },
  'challenge.answer': { zh: '请填写验证题的数字答案', en: 'Answer the check with a number' },
  'reportPhotos.tooMany': { zh: '每件举报最多附 6 张照片', en: 'A report takes at most 6 photos' },
  'reportPhoto.token': { zh: '照片凭据格式不正确，请重新上传该照片', en: 'The photo’s token is malformed; upload the photo again' },
  'areaCode.format': { zh: '区划代码应为 6、9、12 或 15 位数字', en: 'Area codes have 6, 9, 12 or 15 digits' },
  'industryCode.format': {
    zh: '国民经济行业代码应为门类字母加 2–4 位数字（GB/T 4754-2017），如 C、C33、C331',
    en: 'Industry codes are a section letter plus 2–4 digits (GB/T 4754-2017), e.g. C, C33, C331',
  },
  'industryCode.division': {
    zh: '行业大类不属于该门类（GB/T 4754-2017）',
    en: 'This division does not belong to that section (GB/T 4754-2017)',
  },
  'coordinates.pair': { zh: '经度和纬度须同时填写或同时留空', en: 'Give both longitude and latitude, or neither' },
  'standardization.dateRequired': {
    zh: '填写了标准化等级时须填写达标日期',
    en: 'A standardization grade needs the date it was granted',
  },
  'standardization.expiryOrder': { zh: '标准化有效期须晚于达标日期', en: 'The standardization expiry must come after its grant date' },
  'enterprise.areaOutOfScope': {
    zh: '区划不存在、不在管辖范围内，或未细化到街道/社区',
    en: 'Unknown area, outside your jurisdiction, or not a street or below',
  },
  'enterprise.parkMismatch': {
    zh: '园区不存在，或企业所在区划不属于该园区所在街道',
    en: "Unknown park, or the enterprise's area is not in the park's street",
  },
  'enterprise.outOfScope': {
    zh: '保存后该企业将不在您的管辖范围内（区划、园区或行业）',
    en: 'After this change the enterprise would be outside your jurisdiction (area, park or sector)',
  },
  'enterprise.orgUnknown': { zh: '监管机构不存在', en: 'Unknown supervising organisation' },
  'enterprise.fieldReadOnly': {
    zh: '企业账号不能修改所属区划、园区、行业、重点企业标记、监管机构和信用代码',
    en: 'Enterprise accounts cannot change the area, park, sector, key flag, supervising organisations or credit code',
  },
  'creditCode.duplicate': { zh: '该统一社会信用代码已登记', en: 'This unified social credit code is already registered' },
  'creditCode.deleted': {
    zh: '该统一社会信用代码属于已删除的企业，请先恢复该企业',
    en: 'This credit code belongs to a deleted enterprise: restore it instead',
  },
  'creditCode.overrideDenied': {
    zh: '您无权接受未通过校验的信用代码，请核对后重新填写',
    en: 'You may not accept a credit code that fails the check: correct it',
  },
  'creditCode.overrideHint': {
    zh: '如确认该代码确为登记机关核发，请填写例外说明后再保存',
    en: 'If the registry really issued this code, give the reason for the exception and save again',
  },
  'callout.teamTypesEmpty': {
    zh: '每类事件至少选择一种出动的救援队伍类型',
    en: 'Choose at least one team type for each incident kind',
  },
  'callout.teamTypesDuplicate': { zh: '同一事件类别中的队伍类型不能重复', en: 'A team type is listed twice for one incident kind' },
} satisfies Record<string, Bilingual>;

export type ValidationMessageKey = keyof typeof validationMessages;
