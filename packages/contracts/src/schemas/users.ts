import { z } from 'zod';
import { roles } from '../roles';
import { pageQuery, phone } from './common';

export const username = z.string().regex(/^[A-Za-z0-9_.]{3,32}$/, { error: 'username.format' });

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
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  enterpriseId: z.uuid().nullable(),
  phone: z.string().nullable(),
  enforcementCertNo: z.string().nullable(),
  status: userStatus,
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type User = z.infer<typeof user>;

export const userListQuery = z.object({ q: z.string().trim().max(64).optional(), role: z.enum(roles).optional(), ...pageQuery }).strict();

export const createUserBody = z
  .object({
    username,
    displayName: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
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
    displayName: z.string().trim().min(1).max(64).optional(),
    role: z.enum(roles).optional(),
    orgId: z.uuid().nullable().optional(),
    phone: phone.nullable().optional(),
    enforcementCertNo: enforcementCertNo.nullable().optional(),
    status: userStatus.optional(),
    password: z.string().min(1).max(256).optional(),
  })
  .strict();
