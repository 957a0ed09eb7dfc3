// 应急管理: the resource register (one table for depots, teams, experts and shelters: they share scope, location,
// contact, the map layer, the "nearest" index and the register page; the few kind-specific fields are nullable), the
// depot stock ledger (movements appended, never updated; a balance row per batch kept in the same transaction), the
// duty roster and incidents with their timeline. Incidents' status history is in state_transitions ('incident').
import { incidentSources, incidentStatuses, incidentTimelineKinds, movementKinds, resourceKinds } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { users } from './platform';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const emergencyResources = pgTable(
  'emergency_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    areaCode: text('area_code').notNull(),
    address: text('address'),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    teamType: text('team_type'),
    members: integer('members'),
    equipment: text('equipment'),
    speciality: text('speciality'),
    organisation: text('organisation'),
    available: boolean('available').notNull().default(true),
    capacity: integer('capacity'),
    facilities: text('facilities'),
    notes: text('notes'),
    /** A team's account that receives its call-outs (emergency_incident_notices) and acknowledges them. */
    contactUserId: uuid('contact_user_id').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('emergency_resources_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    // "Nearest": a latitude band (range on the second column) of one kind, longitude checked from the index entry.
    index('emergency_resources_geo_idx').on(t.kind, t.lat, t.lng),
    index('emergency_resources_kind_name_idx').on(t.kind, t.name),
    check('emergency_resources_kind_check', sql`${t.kind} in (${inList(resourceKinds)})`),
    check('emergency_resources_lnglat_check', sql`${t.lng} between -180 and 180 and ${t.lat} between -90 and 90`),
  ],
);

/** On hand per batch of an item in a depot: written only together with its movement. */
export const emergencyStock = pgTable(
  'emergency_stock',
  {
    depotId: uuid('depot_id')
      .notNull()
      .references(() => emergencyResources.id),
    itemCode: text('item_code').notNull(),
    batchNo: text('batch_no').notNull(),
    areaCode: text('area_code').notNull(),
    expiresOn: day('expires_on'),
    onHand: integer('on_hand').notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.depotId, t.itemCode, t.batchNo] }),
    // "Nearest depot holding an item": the item's batches by depot.
    index('emergency_stock_item_idx').on(t.itemCode, t.depotId),
    index('emergency_stock_expiry_idx').on(t.expiresOn),
    check('emergency_stock_on_hand_check', sql`${t.onHand} >= 0`),
  ],
);

/** Minimum stock of an item in a depot (the shortage threshold). */
export const emergencyDepotItems = pgTable(
  'emergency_depot_items',
  {
    depotId: uuid('depot_id')
      .notNull()
      .references(() => emergencyResources.id),
    itemCode: text('item_code').notNull(),
    areaCode: text('area_code').notNull(),
    minimum: integer('minimum').notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.depotId, t.itemCode] }), check('emergency_depot_items_minimum_check', sql`${t.minimum} >= 0`)],
);

/** The ledger: one row per movement, never updated or deleted. A transfer is a pair sharing transfer_id. */
export const emergencyStockMovements = pgTable(
  'emergency_stock_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    depotId: uuid('depot_id')
      .notNull()
      .references(() => emergencyResources.id),
    areaCode: text('area_code').notNull(),
    itemCode: text('item_code').notNull(),
    batchNo: text('batch_no').notNull(),
    kind: text('kind').notNull(),
    delta: integer('delta').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    transferId: uuid('transfer_id'),
    counterpartId: uuid('counterpart_id').references(() => emergencyResources.id),
    reason: text('reason'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedByName: text('recorded_by_name'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    index('emergency_stock_movements_depot_idx').on(t.depotId, t.at),
    check('emergency_stock_movements_kind_check', sql`${t.kind} in (${inList(movementKinds)})`),
    check('emergency_stock_movements_balance_check', sql`${t.balanceAfter} >= 0`),
  ],
);

export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    post: text('post').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => users.id),
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => users.id),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('duty_shifts_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('duty_shifts_post_idx').on(t.areaCode, t.post, t.startsAt),
    index('duty_shifts_time_idx').on(t.startsAt, t.endsAt),
    check('duty_shifts_order_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const emergencyIncidents = pgTable(
  'emergency_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    enterpriseId: uuid('enterprise_id'),
    receivedAt: tstz('received_at').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    kind: text('kind').notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    unitName: text('unit_name'),
    deaths: integer('deaths').notNull().default(0),
    missing: integer('missing').notNull().default(0),
    injured: integer('injured').notNull().default(0),
    description: text('description').notNull(),
    accidentTypeCode: text('accident_type_code'),
    status: text('status').notNull().default('received'),
    officerId: uuid('officer_id').references(() => users.id),
    shiftId: uuid('shift_id').references(() => dutyShifts.id),
    leaderId: uuid('leader_id').references(() => users.id),
    accidentId: uuid('accident_id'),
    /** 'duty' (a call the duty officer took) or 'enterprise' (the enterprise's own 快报, enterprise_id its own). */
    source: text('source').notNull().default('duty'),
    /** Photos of a 快报 (files claimed by the incident). */
    photoIds: jsonb('photo_ids').$type<string[]>().notNull().default([]),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('emergency_incidents_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('emergency_incidents_received_idx').on(t.receivedAt),
    index('emergency_incidents_status_idx').on(t.status, t.receivedAt),
    index('emergency_incidents_enterprise_idx').on(t.enterpriseId, t.receivedAt),
    stateCheck('emergency_incidents', t.status, incidentStatuses),
    check('emergency_incidents_source_check', sql`${t.source} in (${inList(incidentSources)})`),
  ],
);

/** Who was told and who acknowledged, in order. */
export const emergencyIncidentTimeline = pgTable(
  'emergency_incident_timeline',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => emergencyIncidents.id),
    kind: text('kind').notNull(),
    at: tstz('at').notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id),
    userName: text('user_name'),
    note: text('note'),
  },
  (t) => [
    index('emergency_incident_timeline_incident_idx').on(t.incidentId, t.at),
    check('emergency_incident_timeline_kind_check', sql`${t.kind} in (${inList(incidentTimelineKinds)})`),
  ],
);

/** A rescue team called out for an incident (by kind → team type, the nearest of the type): who was told, who acknowledged. */
export const emergencyIncidentNotices = pgTable(
  'emergency_incident_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => emergencyIncidents.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => emergencyResources.id),
    teamName: text('team_name').notNull(),
    teamType: text('team_type').notNull(),
    /** The team's account told through the inbox; null when the team has none (it is called by phone). */
    userId: uuid('user_id').references(() => users.id),
    distanceM: doublePrecision('distance_m'),
    notifiedAt: tstz('notified_at').notNull().defaultNow(),
    acknowledgedAt: tstz('acknowledged_at'),
  },
  (t) => [
    uniqueIndex('emergency_incident_notices_key').on(t.incidentId, t.teamId),
    index('emergency_incident_notices_user_idx').on(t.userId, t.notifiedAt),
  ],
);

/** 交接班: the outgoing shift hands over to the next shift of its post; the incoming acknowledges. */
export const dutyHandovers = pgTable(
  'duty_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    fromShiftId: uuid('from_shift_id')
      .notNull()
      .references(() => dutyShifts.id),
    toShiftId: uuid('to_shift_id')
      .notNull()
      .references(() => dutyShifts.id),
    handedBy: uuid('handed_by')
      .notNull()
      .references(() => users.id),
    notes: text('notes'),
    /** The incidents still open at the handover, as they stood then (id, time, address, status). */
    openIncidents: jsonb('open_incidents').$type<{ id: string; receivedAt: string; address: string; status: string }[]>().notNull(),
    handedAt: tstz('handed_at').notNull().defaultNow(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: tstz('acknowledged_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('duty_handovers_from_key').on(t.fromShiftId),
    index('duty_handovers_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.handedAt),
  ],
);

/**
 * The deployment's emergency settings, edited in the app by the administrator or the district bureau
 * (callout.settings.ts): today one key, 'team_callout' = { incident kind → team types }, the rescue teams an incident
 * calls out; absent, incidents.teams.ts's documented defaults apply. `version` guards concurrent edits; every change is
 * audited with before and after (as insurance_settings).
 */
export const emergencySettings = pgTable('emergency_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
