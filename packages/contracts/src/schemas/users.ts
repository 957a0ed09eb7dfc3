import { z } from 'zod';
import { safeString } from '../input';
import { roles } from '../roles';
import { pageQuery, phone } from './common';

export const username = safeString().regex(/^[A-Za-z0-9_.]{3,32}$/, { error: 'username.format' });

/** 行政执法证号: letters, digits and hyphens as printed on the certificate; shown on the documents the officer signs. */
export const enforcementCertNo = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}-]+$/u, { error: 'enforcementCertNo.format' });

export const userStatus = z.enum(['active', 'disabled']);

export const user = z.object({
  id: z.uuid(),
  username: safeString(),
  displayName: safeString(),
  role: z.enum(roles),
  orgId: z.uuid().nullable(),
  orgName: safeString().nullable(),
  enterpriseId: z.uuid().nullable(),
  phone: safeString().nullable(),
  enforcementCertNo: safeString().nullable(),
  status: userStatus,
  lockedUntil: safeString().nullable(),
  createdAt: safeString(),
  version: z.number().int(),
  abilities: z.array(safeString()),
});
export type User = z.infer<typeof user>;

export const userListQuery = z.object({ q: safeString().trim().max(64).optional(), role: z.enum(roles).optional(), ...pageQuery }).strict();

export const createUserBody = z
  .object({
    username,
    displayName: safeString().trim().min(1).max(64),
    password: safeString().min(1).max(256),
    role: z.enum(roles),
    orgId: z.uuid().nullable().optional(),
    enterpriseId: z.uuid().nullable().optional(),
    phone: phone.nullable().optional(),
    enforcementCertNo: enforcementCertNo.nullable().optional(),
  })
  .strict();

export const updateUserBody = z
  .object({
    version: z.number().int(),
    displayName: safeString().trim().min(1).max(64).optional(),
    role: z.enum(roles).optional(),
    orgId: z.uuid().nullable().optional(),
    phone: phone.nullable().optional(),
    enforcementCertNo: enforcementCertNo.nullable().optional(),
    status: userStatus.optional(),
    password: safeString().min(1).max(256).optional(),
  })
  .strict();
