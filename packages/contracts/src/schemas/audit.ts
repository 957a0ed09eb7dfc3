import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageQuery } from './common';
import type { Bilingual } from '../errors';

export const auditResults = ['ok', 'denied', 'failed'] as const;
export type AuditResult = (typeof auditResults)[number];
export const auditResultLabels: Record<AuditResult, Bilingual> = {
  ok: { zh: '成功', en: 'Succeeded' },
  denied: { zh: '拒绝', en: 'Denied' },
  failed: { zh: '失败', en: 'Failed' },
};

export const auditEntry = z.object({
  id: z.number().int(),
  at: safeString(),
  actorId: safeString().nullable(),
  actorName: safeString().nullable(),
  actorRole: safeString().nullable(),
  action: safeString(),
  entityType: safeString().nullable(),
  entityId: safeString().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: safeString().nullable(),
  result: z.enum(auditResults),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z
  .object({
    actor: safeString().trim().max(64).optional(),
    /** An action code (exact), or a prefix ending in '.' for every code under it ('hazard.'). */
    action: safeString().trim().max(64).optional(),
    entityType: safeString().trim().max(64).optional(),
    entityId: safeString().trim().max(64).optional(),
    result: z.enum(auditResults).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...pageQuery,
  })
  .strict();

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  brokenCount: z.number().int(),
  brokenIds: z.array(z.number().int()),
});
