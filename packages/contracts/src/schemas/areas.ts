import { z } from 'zod';

export const areaLevels = ['province', 'city', 'district', 'street', 'community', 'grid'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export const area = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(areaLevels),
  parentCode: z.string().nullable(),
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
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(orgKinds),
  parentId: z.uuid().nullable(),
  areaCode: z.string(),
  parkId: z.uuid().nullable(),
  sectors: z.array(z.string()),
});
export type Org = z.infer<typeof org>;

export const park = z.object({ id: z.uuid(), name: z.string(), areaCode: z.string() });
export type Park = z.infer<typeof park>;
