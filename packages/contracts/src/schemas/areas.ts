import { z } from 'zod';
import { safeString } from '../input';

export const areaLevels = ['province', 'city', 'district', 'street', 'community', 'grid'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export const area = z.object({
  code: safeString(),
  name: safeString(),
  level: z.enum(areaLevels),
  parentCode: safeString().nullable(),
  hasChildren: z.boolean(),
});
export type Area = z.infer<typeof area>;

export const areaChildrenQuery = z
  .object({
    parent: z
      .string()
      .regex(/^\d{2,15}$/)
      .optional(),
  })
  .strict();

export const orgKinds = [
  'bureau',
  'bureau_division',
  'street_office',
  'grid_station',
  'industry_department',
  'park_station',
  'enterprise',
] as const;
export type OrgKind = (typeof orgKinds)[number];

export const org = z.object({
  id: z.uuid(),
  name: safeString(),
  shortName: safeString().nullable(),
  kind: z.enum(orgKinds),
  parentId: z.uuid().nullable(),
  areaCode: safeString(),
  parkId: z.uuid().nullable(),
  sectors: z.array(safeString()),
});
export type Org = z.infer<typeof org>;

export const park = z.object({ id: z.uuid(), name: safeString(), areaCode: safeString() });
export type Park = z.infer<typeof park>;
