// 应急管理 (emergency preparedness), first slice: the resource register (depots, rescue teams, experts, shelters) with
// a depot stock ledger, "nearest" by straight-line distance, the duty roster (值班表) and incident intake (接警).
import { z } from 'zod';
import { safeString, timestamp } from '../input';
import { areaCode, isoDate, pageQuery, phone } from './common';

type Bilingual = { zh: string; en: string };
const text = (max: number) => safeString().trim().min(1).max(max);
const optText = (max: number) => safeString().trim().max(max).nullable().optional();
const lng = z.number().min(73).max(136);
const lat = z.number().min(3).max(54);

// ── The register ─────────────────────────────────────────────────────────────────────────────────────────────────

export const resourceKinds = ['depot', 'team', 'expert', 'shelter'] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const resourceKindLabels: Record<ResourceKind, Bilingual> = {
  depot: { zh: '应急物资库', en: 'Supply depot' },
  team: { zh: '应急救援队伍', en: 'Rescue team' },
  expert: { zh: '应急专家', en: 'Expert' },
  shelter: { zh: '避难场所', en: 'Shelter' },
};

/** Rescue team types (专业/兼职 teams as the 应急救援队伍 registers group them). */
export const teamTypes = ['fire_rescue', 'hazmat', 'mine_rescue', 'medical', 'construction', 'flood', 'general'] as const;
export type TeamType = (typeof teamTypes)[number];
export const teamTypeLabels: Record<TeamType, Bilingual> = {
  fire_rescue: { zh: '消防救援', en: 'Fire and rescue' },
  hazmat: { zh: '危险化学品救援', en: 'Hazardous chemicals' },
  mine_rescue: { zh: '矿山救护', en: 'Mine rescue' },
  medical: { zh: '医疗救护', en: 'Medical' },
  construction: { zh: '工程抢险', en: 'Engineering' },
  flood: { zh: '防汛抢险', en: 'Flood' },
  general: { zh: '综合应急', en: 'General' },
};

/**
 * The stock catalogue, modelled on the 13 classes of 《应急保障重点物资分类目录》(国家发展改革委 2015): a code is the
 * class number and an item number. A deployment's own items are added here (data, not a table) until the catalogue
 * needs editing from the web.
 */
export const emergencyItemClasses: Record<string, Bilingual> = {
  '01': { zh: '防护用品类', en: 'Protective equipment' },
  '02': { zh: '生命救助类', en: 'Life rescue' },
  '03': { zh: '生命支持类', en: 'Life support' },
  '04': { zh: '救援运载类', en: 'Rescue transport' },
  '05': { zh: '临时食宿类', en: 'Temporary food and lodging' },
  '06': { zh: '污染清理类', en: 'Pollution clean-up' },
  '07': { zh: '动力燃料类', en: 'Power and fuel' },
  '08': { zh: '工程设备类', en: 'Engineering equipment' },
  '09': { zh: '器材工具类', en: 'Tools' },
  '10': { zh: '照明设备类', en: 'Lighting' },
  '11': { zh: '通讯广播类', en: 'Communication' },
  '12': { zh: '交通运输类', en: 'Transport' },
  '13': { zh: '工程材料类', en: 'Engineering materials' },
};
export const emergencyItems = {
  '01-01': { zh: '防化服', en: 'Chemical protective suit', unit: '套' },
  '01-02': { zh: '正压式空气呼吸器', en: 'Self-contained breathing apparatus', unit: '具' },
  '01-03': { zh: '防毒面具', en: 'Gas mask', unit: '个' },
  '01-04': { zh: '安全帽', en: 'Safety helmet', unit: '顶' },
  '02-01': { zh: '救生衣', en: 'Life jacket', unit: '件' },
  '02-02': { zh: '担架', en: 'Stretcher', unit: '副' },
  '02-03': { zh: '液压破拆工具组', en: 'Hydraulic rescue tool set', unit: '套' },
  '03-01': { zh: '急救药箱', en: 'First-aid kit', unit: '个' },
  '03-02': { zh: '医用氧气瓶', en: 'Medical oxygen cylinder', unit: '瓶' },
  '05-01': { zh: '帐篷', en: 'Tent', unit: '顶' },
  '05-02': { zh: '棉被', en: 'Quilt', unit: '床' },
  '05-03': { zh: '饮用水', en: 'Drinking water', unit: '箱' },
  '05-04': { zh: '方便食品', en: 'Ready-to-eat food', unit: '箱' },
  '06-01': { zh: '吸油毡', en: 'Oil absorbent pad', unit: '包' },
  '06-02': { zh: '消洗剂', en: 'Decontaminant', unit: '桶' },
  '07-01': { zh: '柴油发电机', en: 'Diesel generator', unit: '台' },
  '08-01': { zh: '排水泵', en: 'Drainage pump', unit: '台' },
  '09-01': { zh: '灭火器', en: 'Fire extinguisher', unit: '具' },
  '09-02': { zh: '可燃气体检测仪', en: 'Combustible gas detector', unit: '台' },
  '10-01': { zh: '移动照明灯塔', en: 'Mobile light tower', unit: '台' },
  '11-01': { zh: '卫星电话', en: 'Satellite phone', unit: '部' },
  '13-01': { zh: '沙袋', en: 'Sandbag', unit: '个' },
} as const satisfies Record<string, Bilingual & { unit: string }>;
export type EmergencyItemCode = keyof typeof emergencyItems;
export const emergencyItemCodes = Object.keys(emergencyItems) as [EmergencyItemCode, ...EmergencyItemCode[]];

const contactFields = {
  contactName: optText(50),
  contactPhone: phone.nullable().optional(),
};

export const resourceBody = z
  .object({
    kind: z.enum(resourceKinds),
    name: text(100),
    areaCode,
    address: optText(200),
    lng,
    lat,
    ...contactFields,
    /** Team: type, members, equipment; on duty now. */
    teamType: z.enum(teamTypes).nullable().optional(),
    members: z.number().int().min(0).max(100_000).nullable().optional(),
    equipment: optText(1000),
    /** Expert: speciality and organisation. */
    speciality: optText(100),
    organisation: optText(100),
    /** Team on duty / expert available / shelter open. */
    available: z.boolean().optional(),
    /** Shelter: people it holds, and its facilities. */
    capacity: z.number().int().min(0).max(10_000_000).nullable().optional(),
    facilities: optText(1000),
    notes: optText(1000),
    /** Team: the platform account that receives its call-outs (an incident's team notice) and acknowledges them. */
    contactUserId: z.uuid().nullable().optional(),
  })
  .strict();
export type ResourceBody = z.infer<typeof resourceBody>;

export const updateResourceBody = resourceBody.omit({ kind: true }).partial().extend({ version: z.number().int() }).strict();
export type UpdateResourceBody = z.infer<typeof updateResourceBody>;

export const resourceListQuery = z
  .object({
    kind: z.enum(resourceKinds).optional(),
    areaCode: areaCode.optional(),
    q: safeString().trim().max(64).optional(),
    ...pageQuery,
  })
  .strict();
export type ResourceListQuery = z.infer<typeof resourceListQuery>;

export const resourceView = z.object({
  id: z.string(),
  kind: z.enum(resourceKinds),
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  address: z.string().nullable(),
  lng: z.number(),
  lat: z.number(),
  contactName: z.string().nullable(),
  /** Masked (138****5678) unless the caller sees contacts in full. */
  contactPhone: z.string().nullable(),
  teamType: z.enum(teamTypes).nullable(),
  members: z.number().nullable(),
  equipment: z.string().nullable(),
  speciality: z.string().nullable(),
  organisation: z.string().nullable(),
  available: z.boolean(),
  capacity: z.number().nullable(),
  facilities: z.string().nullable(),
  notes: z.string().nullable(),
  contactUserId: z.string().nullable(),
  /** Depots: items below their minimum (non-expired stock counted). */
  shortages: z.number().int(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type ResourceView = z.infer<typeof resourceView>;
export const resourcePage = z.object({ items: z.array(resourceView), total: z.number().int() });

export const mapLayerQuery = z.object({ kind: z.enum(resourceKinds).optional() }).strict();
export const mapResource = z.object({
  id: z.string(),
  kind: z.enum(resourceKinds),
  name: z.string(),
  lng: z.number(),
  lat: z.number(),
  teamType: z.enum(teamTypes).nullable(),
  available: z.boolean(),
});
export const mapLayer = z.object({ items: z.array(mapResource), truncated: z.boolean() });

// ── The stock ledger ─────────────────────────────────────────────────────────────────────────────────────────────

export const movementKinds = ['in', 'out', 'transfer_out', 'transfer_in', 'correction'] as const;
export type MovementKind = (typeof movementKinds)[number];
export const movementKindLabels: Record<MovementKind, Bilingual> = {
  in: { zh: '入库', en: 'In' },
  out: { zh: '出库', en: 'Out' },
  transfer_out: { zh: '调出', en: 'Transfer out' },
  transfer_in: { zh: '调入', en: 'Transfer in' },
  correction: { zh: '盘点更正', en: 'Correction' },
};

const batchNo = safeString()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z._-]+$/, { error: 'batchNo.format' });

/**
 * One movement. `in` creates or adds to a batch (its expiry given the first time); `out` and `transfer` take from a
 * batch and never below zero; `correction` sets the counted quantity of a batch (an explicit stock-take) with a reason.
 */
export const movementBody = z
  .object({
    kind: z.enum(['in', 'out', 'transfer', 'correction']),
    itemCode: z.enum(emergencyItemCodes),
    batchNo,
    quantity: z.number().int().min(0).max(100_000_000),
    expiresOn: isoDate.nullable().optional(),
    /** Transfer: the receiving depot. */
    toDepotId: z.uuid().optional(),
    reason: optText(200),
  })
  .strict();
export type MovementBody = z.infer<typeof movementBody>;

export const minimumBody = z.object({ itemCode: z.enum(emergencyItemCodes), minimum: z.number().int().min(0).max(100_000_000) }).strict();
export type MinimumBody = z.infer<typeof minimumBody>;

export const stockBatchView = z.object({
  itemCode: z.string(),
  batchNo: z.string(),
  expiresOn: z.string().nullable(),
  onHand: z.number().int(),
  expired: z.boolean(),
});
export const stockItemView = z.object({
  itemCode: z.string(),
  onHand: z.number().int(),
  /** On hand in batches not expired today. */
  usable: z.number().int(),
  minimum: z.number().int(),
  shortage: z.number().int(),
  batches: z.array(stockBatchView),
});
export const depotStock = z.object({
  depotId: z.string(),
  version: z.number().int(),
  items: z.array(stockItemView),
  abilities: z.array(z.string()),
});
export type DepotStock = z.infer<typeof depotStock>;

export const movementView = z.object({
  id: z.string(),
  kind: z.enum(movementKinds),
  itemCode: z.string(),
  batchNo: z.string(),
  delta: z.number().int(),
  balanceAfter: z.number().int(),
  counterpartId: z.string().nullable(),
  reason: z.string().nullable(),
  recordedByName: z.string().nullable(),
  at: z.string(),
});
export const movementListQuery = z.object({ itemCode: z.enum(emergencyItemCodes).optional(), ...pageQuery }).strict();
export const movementPage = z.object({ items: z.array(movementView), total: z.number().int() });

export const shortageListQuery = z.object({ ...pageQuery }).strict();
export const shortageView = z.object({
  depotId: z.string(),
  depotName: z.string(),
  areaCode: z.string(),
  itemCode: z.string(),
  usable: z.number().int(),
  minimum: z.number().int(),
});
export const shortagePage = z.object({ items: z.array(shortageView), total: z.number().int() });

// ── Nearest ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const nearestTargets = ['depot', 'team', 'shelter', 'expert'] as const;
export const nearestQuery = z
  .object({
    target: z.enum(nearestTargets),
    lng: z.coerce.number().min(73).max(136).optional(),
    lat: z.coerce.number().min(3).max(54).optional(),
    /** From an enterprise's registered location instead of a point. */
    enterpriseId: z.uuid().optional(),
    /** Depots: holding this item, with at least `quantity` usable (non-expired). */
    itemCode: z.enum(emergencyItemCodes).optional(),
    quantity: z.coerce.number().int().min(1).max(100_000_000).optional(),
    teamType: z.enum(teamTypes).optional(),
    /** Shelters: holding at least this many people. */
    capacity: z.coerce.number().int().min(1).max(10_000_000).optional(),
    maxKm: z.coerce.number().min(0.1).max(1000).default(100),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();
export type NearestQuery = z.infer<typeof nearestQuery>;
export const nearestResult = z.object({
  origin: z.object({ lng: z.number(), lat: z.number() }),
  /** How the distance was measured: 'straight_line' (great circle), or a routing provider's name. */
  measure: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(resourceKinds),
      name: z.string(),
      lng: z.number(),
      lat: z.number(),
      distanceM: z.number(),
      /** Depots asked for an item: its usable quantity. */
      usable: z.number().int().nullable(),
      teamType: z.enum(teamTypes).nullable(),
      capacity: z.number().nullable(),
      contactName: z.string().nullable(),
      contactPhone: z.string().nullable(),
    }),
  ),
});
export type NearestResult = z.infer<typeof nearestResult>;

// ── Duty roster ──────────────────────────────────────────────────────────────────────────────────────────────────

export const shiftBody = z
  .object({
    /** The post kept (e.g. 区应急值班室); two shifts of one post never overlap. */
    post: text(50),
    areaCode,
    startsAt: timestamp(),
    endsAt: timestamp(),
    officerId: z.uuid(),
    leaderId: z.uuid(),
    notes: optText(500),
  })
  .strict();
export type ShiftBody = z.infer<typeof shiftBody>;
export const updateShiftBody = shiftBody.omit({ areaCode: true }).partial().extend({ version: z.number().int() }).strict();
export type UpdateShiftBody = z.infer<typeof updateShiftBody>;
export const shiftListQuery = z.object({ from: timestamp().optional(), to: timestamp().optional() }).strict();
export const shiftView = z.object({
  id: z.string(),
  post: z.string(),
  areaCode: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  officerId: z.string(),
  officerName: z.string().nullable(),
  leaderId: z.string(),
  leaderName: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type ShiftView = z.infer<typeof shiftView>;
export const shiftList = z.object({ items: z.array(shiftView) });
export const onDutyView = z.object({ shift: shiftView.nullable() });
export const dutyPeople = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});

// ── Incidents (接警) ──────────────────────────────────────────────────────────────────────────────────────────────

export const incidentKinds = ['production_safety', 'fire', 'natural_disaster', 'traffic', 'other'] as const;
export type IncidentKind = (typeof incidentKinds)[number];
export const incidentKindLabels: Record<IncidentKind, Bilingual> = {
  production_safety: { zh: '生产安全事故', en: 'Production-safety accident' },
  fire: { zh: '火灾', en: 'Fire' },
  natural_disaster: { zh: '自然灾害', en: 'Natural disaster' },
  traffic: { zh: '交通事故', en: 'Traffic accident' },
  other: { zh: '其他', en: 'Other' },
};
export const incidentStatuses = ['received', 'acknowledged', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
export const incidentStatusLabels: Record<IncidentStatus, Bilingual> = {
  received: { zh: '已接警', en: 'Received' },
  acknowledged: { zh: '领导已确认', en: 'Acknowledged' },
  closed: { zh: '已结束', en: 'Closed' },
};
export const incidentTimelineKinds = [
  'received',
  'reported',
  'notified',
  'no_leader_on_duty',
  'team_notified',
  'team_unreachable',
  'team_acknowledged',
  'acknowledged',
  'accident_opened',
  'closed',
] as const;
/** Who opened the incident: the duty officer taking a call (接警) or the enterprise's own 快报. */
export const incidentSources = ['duty', 'enterprise'] as const;
export type IncidentSource = (typeof incidentSources)[number];

const casualty = z.number().int().min(0).max(100_000);
export const incidentBody = z
  .object({
    receivedAt: timestamp(),
    /** When it happened, as the caller says (defaults to the time received). */
    occurredAt: timestamp().optional(),
    callerName: optText(50),
    callerPhone: phone.nullable().optional(),
    kind: z.enum(incidentKinds),
    areaCode,
    address: text(200),
    lng: lng.nullable().optional(),
    lat: lat.nullable().optional(),
    enterpriseId: z.uuid().nullable().optional(),
    /** The unit's name as the caller gives it. */
    unitName: optText(100),
    deaths: casualty.default(0),
    missing: casualty.default(0),
    injured: casualty.default(0),
    description: safeString().trim().min(2).max(4000),
    /** Production-safety accidents: the GB 6441 type code the accident record is opened with. */
    accidentTypeCode: safeString().trim().min(2).max(4).optional(),
  })
  .strict();
export type IncidentBody = z.infer<typeof incidentBody>;
export const incidentActBody = z
  .object({ action: z.enum(['acknowledge', 'close']), version: z.number().int(), note: optText(500) })
  .strict();
export type IncidentActBody = z.infer<typeof incidentActBody>;
export const incidentListQuery = z.object({ status: z.enum(incidentStatuses).optional(), ...pageQuery }).strict();
export const incidentView = z.object({
  id: z.string(),
  receivedAt: z.string(),
  occurredAt: z.string(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  kind: z.enum(incidentKinds),
  areaCode: z.string(),
  address: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  enterpriseId: z.string().nullable(),
  unitName: z.string().nullable(),
  deaths: z.number().int(),
  missing: z.number().int(),
  injured: z.number().int(),
  description: z.string(),
  status: z.enum(incidentStatuses),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  accidentId: z.string().nullable(),
  source: z.enum(incidentSources),
  photoIds: z.array(z.string()),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export const incidentDetail = incidentView.extend({
  timeline: z.array(
    z.object({ kind: z.enum(incidentTimelineKinds), at: z.string(), userName: z.string().nullable(), note: z.string().nullable() }),
  ),
});
export type IncidentDetail = z.infer<typeof incidentDetail>;
export const incidentPage = z.object({ items: z.array(incidentView), total: z.number().int() });
