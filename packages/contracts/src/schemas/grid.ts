// 网格化巡查 (grid patrols): a grid inspector's units with their due state, visits recorded on the phone (idempotent by
// the client's id), information reports to the street, coverage per grid / community / street, inspectors' activity,
// and 网格登记 (provisional units the street confirms, merges or rejects).
import { z } from 'zod';
import { safeString, timestamp } from '../input';
import { sectors } from '../sectors';
import { areaCode, isoDate, pageQuery, yearMonth } from './common';

const text = (max: number) => safeString().trim().min(1).max(max);
const lon = z.number().min(73).max(136);
const lat = z.number().min(3).max(54);

export const gridDueStates = ['never', 'overdue', 'due_soon', 'ok'] as const;
export type GridDueState = (typeof gridDueStates)[number];
export const gridDueStateLabels: Record<GridDueState, { zh: string; en: string }> = {
  never: { zh: '从未巡查', en: 'Never visited' },
  overdue: { zh: '已超期', en: 'Overdue' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  ok: { zh: '正常', en: 'Up to date' },
};

/** The patrol checklist: a short list of what a grid inspector looks at (keys; labels below). */
export const gridChecklistKeys = ['licence', 'exits', 'fire_equipment', 'electrics', 'storage', 'dormitory', 'training'] as const;
export type GridChecklistKey = (typeof gridChecklistKeys)[number];
export const gridChecklistLabels: Record<GridChecklistKey, { zh: string; en: string }> = {
  licence: { zh: '证照齐全、经营范围相符', en: 'Licences present, business as registered' },
  exits: { zh: '安全出口、疏散通道畅通', en: 'Exits and escape routes clear' },
  fire_equipment: { zh: '消防器材配备有效', en: 'Fire equipment present and in date' },
  electrics: { zh: '电气线路无私拉乱接', en: 'No makeshift wiring' },
  storage: { zh: '危险物品规范存放', en: 'Hazardous goods stored properly' },
  dormitory: { zh: '无“三合一”住人', en: 'Nobody living on the premises (三合一)' },
  training: { zh: '有安全管理人员和培训记录', en: 'Safety person and training records' },
};
export const gridCheckResults = ['ok', 'problem', 'na'] as const;

export const gridInfoKinds = ['new_unit', 'changed_use', 'crowd_risk', 'other'] as const;
export type GridInfoKind = (typeof gridInfoKinds)[number];
export const gridInfoKindLabels: Record<GridInfoKind, { zh: string; en: string }> = {
  new_unit: { zh: '新增或未登记单位', en: 'New or unregistered unit' },
  changed_use: { zh: '改变用途', en: 'Changed use' },
  crowd_risk: { zh: '人员聚集风险', en: 'Crowd risk' },
  other: { zh: '其他', en: 'Other' },
};

export const gridUnitsQuery = z
  .object({
    due: z.enum(gridDueStates).optional(),
    q: safeString().trim().max(50).optional(),
    ...pageQuery,
  })
  .strict();
export type GridUnitsQuery = z.infer<typeof gridUnitsQuery>;

export const gridUnitView = z.object({
  enterpriseId: z.uuid(),
  name: z.string(),
  address: z.string(),
  areaCode: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  riskLevel: z.string().nullable(),
  isKey: z.boolean(),
  lastVisitedAt: z.string().nullable(),
  lastVisitedOn: isoDate.nullable(),
  visits: z.number().int(),
  /** Null: never visited (due now). */
  nextDueOn: isoDate.nullable(),
  dueState: z.enum(gridDueStates),
  intervalDays: z.number().int(),
});
export type GridUnitView = z.infer<typeof gridUnitView>;
export const gridUnitPage = z.object({ items: z.array(gridUnitView), total: z.number().int() });

export const recordVisitBody = z
  .object({
    /** Generated on the phone before the first try: the same id resent after a lost connection records nothing new. */
    id: z.uuid(),
    enterpriseId: z.uuid(),
    /** When the inspector checked in (the phone's clock; the server keeps its own receipt time too). */
    checkedInAt: timestamp(),
    lon: lon.optional(),
    lat: lat.optional(),
    checklist: z.partialRecord(z.enum(gridChecklistKeys), z.enum(gridCheckResults)).default({}),
    /** 劝导制止: what the inspector advised or stopped on the spot. */
    notes: safeString().trim().max(2000).optional(),
    /** Photos uploaded by the same inspector (POST /api/grid/attachments) and not attached elsewhere. */
    attachments: z.array(z.uuid()).max(20).optional(),
    /** 信息报告 to the street: a new or unregistered unit, a changed use, a crowd risk. */
    infoReports: z
      .array(z.object({ kind: z.enum(gridInfoKinds), description: text(1000) }).strict())
      .max(10)
      .optional(),
  })
  .strict();
export type RecordVisitBody = z.infer<typeof recordVisitBody>;

export const gridVisitView = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string().nullable(),
  areaCode: z.string(),
  inspectorId: z.uuid(),
  inspectorName: z.string().nullable(),
  checkedInAt: z.string(),
  receivedAt: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  /** Metres from the unit's recorded location; null when either position is unknown. */
  distanceM: z.number().int().nullable(),
  checklist: z.record(z.string(), z.enum(gridCheckResults)),
  notes: z.string().nullable(),
  attachments: z.array(z.object({ id: z.uuid(), name: z.string(), mime: z.string() })),
  infoReports: z.array(z.object({ id: z.uuid(), kind: z.enum(gridInfoKinds), description: z.string() })),
  /** True when this answer is a resend of a visit already recorded. */
  duplicate: z.boolean(),
});
export type GridVisitView = z.infer<typeof gridVisitView>;
export const gridVisitListQuery = z.object({ enterpriseId: z.uuid().optional(), ...pageQuery }).strict();
export const gridVisitPage = z.object({ items: z.array(gridVisitView), total: z.number().int() });
export const gridFileView = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int() });

export const gridCoverageLevels = ['grid', 'community', 'street'] as const;
export const gridCoverageQuery = z.object({ month: yearMonth.optional(), level: z.enum(gridCoverageLevels).default('grid') }).strict();
export const gridCoverageRow = z.object({
  areaCode: z.string(),
  areaName: z.string().nullable(),
  units: z.number().int(),
  visitedThisMonth: z.number().int(),
  visits: z.number().int(),
  /** Not visited this month and due by the month's end (never visited included). */
  stillDue: z.number().int(),
  neverVisited: z.number().int(),
});
export const gridCoverageView = z.object({
  month: z.string(),
  level: z.enum(gridCoverageLevels),
  rows: z.array(gridCoverageRow),
  totals: gridCoverageRow.omit({ areaCode: true, areaName: true }),
});
export type GridCoverageView = z.infer<typeof gridCoverageView>;
export const gridActivityQuery = z.object({ month: yearMonth.optional() }).strict();
export const gridActivityView = z.object({
  month: z.string(),
  inspectors: z.array(
    z.object({
      inspectorId: z.uuid(),
      name: z.string().nullable(),
      areaCode: z.string(),
      areaName: z.string().nullable(),
      visits: z.number().int(),
      units: z.number().int(),
    }),
  ),
});

// 网格登记: provisional units.
export const gridRegistrationStatuses = ['pending', 'confirmed', 'merged', 'rejected'] as const;
export type GridRegistrationStatus = (typeof gridRegistrationStatuses)[number];
export const gridRegistrationActions = ['confirm', 'merge', 'reject'] as const;
export type GridRegistrationAction = (typeof gridRegistrationActions)[number];
export const gridRegistrationStatusLabels: Record<GridRegistrationStatus, { zh: string; en: string }> = {
  pending: { zh: '待街道确认', en: 'Awaiting the street' },
  confirmed: { zh: '已建档', en: 'Confirmed' },
  merged: { zh: '已合并', en: 'Merged' },
  rejected: { zh: '已退回', en: 'Rejected' },
};
export const gridRegistrationActionLabels: Record<GridRegistrationAction, { zh: string; en: string }> = {
  confirm: { zh: '确认建档', en: 'Confirm' },
  merge: { zh: '合并到已有企业', en: 'Merge into an existing enterprise' },
  reject: { zh: '退回', en: 'Reject' },
};

export const registerUnitBody = z
  .object({
    name: text(100),
    address: text(200),
    /** The grid or community where it was found; the inspector's own grid when omitted. */
    areaCode: areaCode.optional(),
    creditCode: safeString()
      .trim()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/i, { error: 'creditCode.format' })
      .optional(),
    sector: z.enum(sectors).optional(),
    principalName: text(50).optional(),
    principalPhone: safeString()
      .trim()
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { error: 'phone.format' })
      .optional(),
    businessDescription: text(500).optional(),
    lon: lon.optional(),
    lat: lat.optional(),
  })
  .strict();
export type RegisterUnitBody = z.infer<typeof registerUnitBody>;

export const gridRegistrationListQuery = z.object({ status: z.enum(gridRegistrationStatuses).optional(), ...pageQuery }).strict();
export type GridRegistrationListQuery = z.infer<typeof gridRegistrationListQuery>;

export const gridRegistrationActBody = z
  .object({
    action: z.enum(gridRegistrationActions),
    version: z.number().int().min(1),
    /** confirm: the enterprise just created from this record (POST /api/enterprises); merge: the existing one. */
    enterpriseId: z.uuid().optional(),
    reason: text(500).optional(),
  })
  .strict();
export type GridRegistrationActBody = z.infer<typeof gridRegistrationActBody>;

export const gridRegistrationView = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  creditCode: z.string().nullable(),
  sector: z.string().nullable(),
  principalName: z.string().nullable(),
  principalPhone: z.string().nullable(),
  businessDescription: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  status: z.enum(gridRegistrationStatuses),
  registeredBy: z.uuid(),
  registeredByName: z.string().nullable(),
  registeredAt: z.string(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  reason: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type GridRegistrationView = z.infer<typeof gridRegistrationView>;
export const gridRegistrationPage = z.object({ items: z.array(gridRegistrationView), total: z.number().int() });
