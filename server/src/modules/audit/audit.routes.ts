// The audit admin's search over the audit log, and the chain verification.
import { and, count, desc, eq, gte, ilike, like, lt, or, type SQL } from 'drizzle-orm';
import { auditEntry, auditQuery, auditVerifyResponse, pageOf } from '@anjian/contracts';
import { auditLog } from '../../db/schema';
import type { ZodApp } from '../../platform/zod-app';
import { verifyAuditChain } from '../../platform/audit-chain';
import { maskDeep, seesInFull } from '../../platform/masking';
import { likePrefix } from '../../platform/scope';
import { actorOf } from '../../platform/http';
import { addDays, cstIso, cstStartOfDay } from '../../platform/time';

export function auditRoutes(app: ZodApp) {
  const tags = ['audit'];
  app.get(
    '/api/audit',
    { config: { access: 'audit.read' }, schema: { tags, querystring: auditQuery, response: { 200: pageOf(auditEntry) } } },
    async (req) => {
      const q = req.query;
      const full = seesInFull(actorOf(req), { kind: 'auditRecord' });
      const f: SQL[] = [];
      if (q.actor) f.push(or(ilike(auditLog.actorName, `%${q.actor}%`), eq(auditLog.actorId, uuidOrNil(q.actor)))!);
      // One code exactly ('hazard.report', not 'hazard.report_progress'), or with a trailing dot every code under it.
      if (q.action) f.push(q.action.endsWith('.') ? like(auditLog.action, likePrefix(q.action)) : eq(auditLog.action, q.action));
      if (q.entityType) f.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) f.push(eq(auditLog.entityId, q.entityId));
      if (q.result) f.push(eq(auditLog.result, q.result));
      if (q.from) f.push(gte(auditLog.at, cstStartOfDay(q.from)));
      if (q.to) f.push(lt(auditLog.at, cstStartOfDay(addDays(q.to, 1))));
      const where = and(...f);
      const [rows, [total]] = await Promise.all([
        app.db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        app.db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return {
        total: total?.n ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          at: cstIso(r.at),
          actorId: r.actorId,
          actorName: r.actorName,
          actorRole: r.actorRole,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          // Personal data inside entries is masked for the reader (platform/masking.ts); the chain hashes what is stored.
          before: full ? r.before : maskDeep(r.before),
          after: full ? r.after : maskDeep(r.after),
          ip: r.ip,
          result: r.result as 'ok',
        })),
      };
    },
  );
  app.post(
    '/api/audit/verify',
    { config: { access: 'audit.verify' }, schema: { tags, response: { 200: auditVerifyResponse } } },
    async () => verifyAuditChain(app.db),
  );
}

const NIL = '00000000-0000-0000-0000-000000000000';
function uuidOrNil(s: string): string {
  return /^[0-9a-f-]{36}$/i.test(s) ? s : NIL;
}
