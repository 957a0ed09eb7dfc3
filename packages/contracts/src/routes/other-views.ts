// Response shapes the server declares inline in its route files (map, accident code tables), written once here so
// the route map can name them; the route-map test compares them with the server's.
import { z } from 'zod';
import { safeString } from '../input';
import { hazardTags, sectors } from '../sectors';

const bilingual = z.object({ zh: safeString(), en: safeString() });

export const mapConfigView = z.object({
  tileUrl: safeString().nullable(),
  attribution: safeString().nullable(),
  tileDatum: z.enum(['wgs84', 'gcj02']),
  boundaryUrl: safeString().nullable(),
  boundaryDatum: z.enum(['wgs84', 'gcj02']),
});
export type MapConfigView = z.infer<typeof mapConfigView>;

export const mapPointsQuery = z
  .object({
    areaCode: z
      .string()
      .regex(/^\d{6,15}$/)
      .optional(),
    sector: z.enum(sectors).optional(),
    tag: z.enum(hazardTags).optional(),
  })
  .strict();

export const mapPointsView = z.object({
  total: z.number().int(),
  truncated: z.boolean(),
  /** [id, lng, lat, sector index, name, risk level index or -1, credit grade index (A = 0) or -1]: compact for tens of thousands of points. */
  points: z.array(z.tuple([safeString(), z.number(), z.number(), z.number(), safeString(), z.number(), z.number()])),
});
export type MapPointsView = z.infer<typeof mapPointsView>;

const codeEntry = z.object({ key: safeString(), label: bilingual });
/** GET /api/accidents/code-tables: the accident rules' tables (levels, GB 6441 types, tiers, rates …). */
export const accidentCodeTablesView = z.looseObject({
  categories: z.array(codeEntry),
  levels: z.array(codeEntry),
  tiers: z.array(codeEntry),
  timeliness: z.array(codeEntry),
  duties: z.array(codeEntry),
  causes: z.array(codeEntry),
  supplementaryWindowDays: z.record(safeString(), z.number()),
  gb2025EffectiveDate: safeString(),
  types: z.object({ 'GB6441-1986': z.array(codeEntry), 'GB6441-2025': z.array(codeEntry) }),
  typeGroups: z.array(codeEntry),
  rates: z.array(codeEntry.extend({ unit: bilingual })),
});
export type AccidentCodeTablesView = z.infer<typeof accidentCodeTablesView>;

/** GET /api/code-tables: every code table's labels, `table → code → {zh, en}`, the web's one source of labels. */
export const codeTablesView = z.record(safeString(), z.record(safeString(), bilingual));
export type CodeTablesView = z.infer<typeof codeTablesView>;
