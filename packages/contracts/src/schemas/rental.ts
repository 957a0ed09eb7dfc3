// 出租屋安全生产备案 (000 五(三)9): premises and landlords, the 备案 before letting to a business with the landlord's
// signed commitment and community acceptance, expiry with the lease, and premises let without 备案.
import { z } from 'zod';
import { safeString, timestamp } from '../input';
import { areaCode, isoDate, pageQuery, phone } from './common';

const text = (max: number) => safeString().trim().min(1).max(max);
const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The commitment the landlord signs (local wording, 000 五(三)9); the server keeps the text as signed. */
export const defaultRentalCommitment =
  '本人（本单位）承诺：出租房屋用于生产经营前已办理安全生产备案；督促承租人遵守安全生产法律法规、落实安全生产主体责任；' +
  '不将房屋出租给无合法证照或不具备安全生产条件的单位和个人；发现承租人存在重大事故隐患或违法生产经营行为及时向社区报告。';

export const landlordKinds = ['person', 'company'] as const;
export const premisesOccupancies = ['vacant', 'self_use', 'let_to_business'] as const;
export const rentalFilingStatuses = ['submitted', 'accepted', 'rejected'] as const;
export type RentalFilingStatus = (typeof rentalFilingStatuses)[number];
export const rentalFilingActions = ['accept', 'reject'] as const;
export type RentalFilingAction = (typeof rentalFilingActions)[number];
export const rentalFilingStatusLabels: Record<RentalFilingStatus, { zh: string; en: string }> = {
  submitted: { zh: '待社区受理', en: 'Awaiting the community' },
  accepted: { zh: '已备案', en: 'Filed' },
  rejected: { zh: '不予备案', en: 'Refused' },
};

export const createPremisesBody = z
  .object({
    /** The community or grid; the caller's own area when omitted. */
    areaCode: areaCode.optional(),
    address: text(200),
    landlordKind: z.enum(landlordKinds),
    landlordName: text(100),
    landlordPhone: phone.optional(),
    occupancy: z.enum(premisesOccupancies),
    occupantName: text(100).optional(),
  })
  .strict();
export type CreatePremisesBody = z.infer<typeof createPremisesBody>;

export const premisesListQuery = z.object({ unfiled: queryBool.optional(), ...pageQuery }).strict();
export type PremisesListQuery = z.infer<typeof premisesListQuery>;

export const premisesView = z.object({
  id: z.uuid(),
  areaCode: z.string(),
  address: z.string(),
  landlordKind: z.enum(landlordKinds),
  landlordName: z.string(),
  landlordPhone: z.string().nullable(),
  occupancy: z.enum(premisesOccupancies),
  occupantName: z.string().nullable(),
  /** The accepted filing whose lease runs today, if any. */
  currentFiling: z.object({ id: z.uuid(), tenantName: z.string(), leaseEnd: isoDate }).nullable(),
  /** A filing submitted and not yet decided by the community: no second one is taken meanwhile. */
  pendingFiling: z.object({ id: z.uuid(), tenantName: z.string() }).nullable(),
  /** Let to a business with no filing in force. */
  unfiled: z.boolean(),
  version: z.number().int(),
});
export const premisesPage = z.object({ items: z.array(premisesView), total: z.number().int() });

export const createFilingBody = z
  .object({
    premisesId: z.uuid(),
    tenantName: text(100),
    tenantEnterpriseId: z.uuid().optional(),
    intendedUse: text(200),
    leaseStart: isoDate,
    leaseEnd: isoDate,
    /** The landlord's commitment, signed on screen: the box ticked, the signer's name and the time. */
    commitment: z.object({ signed: z.literal(true), signerName: text(50), signedAt: timestamp() }).strict(),
  })
  .strict();
export type CreateFilingBody = z.infer<typeof createFilingBody>;

export const rentalFilingActBody = z
  .object({ action: z.enum(rentalFilingActions), version: z.number().int().min(1), reason: text(500).optional() })
  .strict();
export type RentalFilingActBody = z.infer<typeof rentalFilingActBody>;

export const rentalFilingView = z.object({
  id: z.uuid(),
  premisesId: z.uuid(),
  areaCode: z.string(),
  tenantName: z.string(),
  tenantEnterpriseId: z.uuid().nullable(),
  intendedUse: z.string(),
  leaseStart: isoDate,
  leaseEnd: isoDate,
  commitmentText: z.string(),
  signerName: z.string(),
  signedAt: z.string(),
  status: z.enum(rentalFilingStatuses),
  /** Accepted and the lease has ended. */
  expired: z.boolean(),
  reason: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type RentalFilingView = z.infer<typeof rentalFilingView>;
export const rentalFilingListQuery = z.object({ premisesId: z.uuid().optional(), ...pageQuery }).strict();
export const rentalFilingPage = z.object({ items: z.array(rentalFilingView), total: z.number().int() });
