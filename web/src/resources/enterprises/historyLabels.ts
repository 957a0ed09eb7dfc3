// The enterprise history in words: each tracked field's label (the key stays beside it, as the API names it), values
// from the code tables instead of their codes, and what each audited action was.
import type { Bilingual } from '@anjian/contracts';
import { codeTables } from './labels';

export const historyFieldLabels: Record<string, Bilingual> = {
  name: { zh: '企业名称', en: 'Name' },
  formerNames: { zh: '曾用名', en: 'Former names' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  creditCodeOverride: { zh: '信用代码例外说明', en: 'Credit code exception' },
  unitType: { zh: '单位类型', en: 'Unit type' },
  legalRepresentative: { zh: '法定代表人', en: 'Legal representative' },
  principalName: { zh: '主要负责人', en: 'Principal' },
  principalPhone: { zh: '主要负责人电话', en: 'Principal phone' },
  safetyManagerName: { zh: '安全管理人员', en: 'Safety manager' },
  safetyManagerPhone: { zh: '安全管理人员电话', en: 'Safety manager phone' },
  address: { zh: '地址', en: 'Address' },
  areaCode: { zh: '所属区域', en: 'Area' },
  parkId: { zh: '工业园区', en: 'Industrial park' },
  longitude: { zh: '经度', en: 'Longitude' },
  latitude: { zh: '纬度', en: 'Latitude' },
  industryCode: { zh: '国民经济行业', en: 'Industry code' },
  sector: { zh: '监管行业', en: 'Sector' },
  hazardTags: { zh: '专项风险', en: 'Special hazards' },
  scale: { zh: '规模', en: 'Scale' },
  smallMicro: { zh: '小微企业', en: 'Small or micro' },
  employees: { zh: '从业人数', en: 'Employees' },
  isKey: { zh: '重点企业', en: 'Key enterprise' },
  operatingStatus: { zh: '经营状态', en: 'Operating status' },
  premises: { zh: '场所', en: 'Premises' },
  landlord: { zh: '出租方', en: 'Landlord' },
  standardizationGrade: { zh: '标准化等级', en: 'Standardization grade' },
  standardizationDate: { zh: '标准化达标日期', en: 'Standardization date' },
  standardizationExpiry: { zh: '标准化有效期至', en: 'Standardization valid until' },
  threeSimultaneous: { zh: '"三同时"', en: '"Three simultaneities"' },
  supervisingOrgIds: { zh: '监管部门', en: 'Supervising departments' },
};

export const historyActionLabels: Record<string, Bilingual> = {
  'enterprise.create': { zh: '新建', en: 'Created' },
  'enterprise.update': { zh: '修改', en: 'Edited' },
  'enterprise.delete': { zh: '删除', en: 'Deleted' },
  'enterprise.restore': { zh: '恢复', en: 'Restored' },
  'enterprise.import.create': { zh: '导入新建', en: 'Created by import' },
  'enterprise.import.update': { zh: '导入更新', en: 'Updated by import' },
};

const yes: Bilingual = { zh: '是', en: 'yes' };
const no: Bilingual = { zh: '否', en: 'no' };

/** A value as a reader sees it: codes through their table, yes/no, lists joined, an empty value as a dash. */
export function historyValue(field: string, value: unknown, label: (b: Bilingual) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  // Ids mean nothing to a reader; the record's own tabs name the park and the departments.
  if (field === 'parkId') return label({ zh: '已指定', en: 'set' });
  if (field === 'supervisingOrgIds' && Array.isArray(value)) {
    return value.length === 0 ? '—' : label({ zh: `${value.length} 个部门`, en: `${value.length} department(s)` });
  }
  const table = (codeTables as Record<string, Record<string, Bilingual>>)[field];
  const one = (v: unknown) => {
    if (typeof v === 'boolean') return label(v ? yes : no);
    const known = table && typeof v === 'string' ? table[v] : undefined;
    return known ? label(known) : String(v);
  };
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(one).join(label({ zh: '、', en: ', ' }));
  return one(value);
}
