// What a report's investigation produced: the target records a report may be linked to, each read through the
// caller's own scope on the target table's scope columns (out of scope reads as missing: the route answers 404), and
// the links a report has. The label is copied at link time so the report detail needs no other module's read.
import { and, asc, eq } from 'drizzle-orm';
import type { ReportLinkKind, ReportLinkView } from '@anjian/contracts';
import { accidents, enterprises, hazards, inspections, penaltyCases, reportLinks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { cstDate } from '../../platform/time';

/** The web page of each kind of target. */
export const linkPath: Record<ReportLinkKind, (id: string) => string> = {
  inspection: (id) => `/enforcement/inspections/${id}`,
  hazard: (id) => `/hazards/${id}`,
  case: (id) => `/enforcement/cases/${id}`,
  accident: (id) => `/accidents/${id}`,
};

/** The target as the caller may see it, with a label; null when missing or out of the caller's scope. */
export async function findLinkTarget(db: DbOrTx, actor: Actor, kind: ReportLinkKind, id: string): Promise<{ label: string } | null> {
  switch (kind) {
    case 'inspection': {
      const [r] = await db
        .select({ on: inspections.plannedOn, name: enterprises.name })
        .from(inspections)
        .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
        .where(and(eq(inspections.id, id), scopeWhere(actor, inspections)));
      return r ? { label: `${r.name} ${r.on}` } : null;
    }
    case 'hazard': {
      const [r] = await db
        .select({ number: hazards.number, name: enterprises.name })
        .from(hazards)
        .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
        .where(and(eq(hazards.id, id), scopeWhere(actor, hazards)));
      return r ? { label: `${r.number} ${r.name}` } : null;
    }
    case 'case': {
      const [r] = await db
        .select({ number: penaltyCases.number })
        .from(penaltyCases)
        .where(and(eq(penaltyCases.id, id), scopeWhere(actor, penaltyCases)));
      return r ? { label: r.number } : null;
    }
    case 'accident': {
      const [r] = await db
        .select({ unit: accidents.unitName, at: accidents.occurredAt, address: accidents.address })
        .from(accidents)
        .where(
          and(
            eq(accidents.id, id),
            scopeWhere(actor, {
              areaCode: accidents.areaCode,
              sector: accidents.sector,
              parkId: accidents.parkId,
              enterpriseId: accidents.enterpriseId,
            }),
          ),
        );
      return r ? { label: `${r.unit ?? r.address} ${r.at.toISOString().slice(0, 10)}` } : null;
    }
  }
}

export async function findReportLinks(db: DbOrTx, reportId: string) {
  return db.select().from(reportLinks).where(eq(reportLinks.reportId, reportId)).orderBy(asc(reportLinks.createdAt), asc(reportLinks.id));
}

export async function findReportLink(db: DbOrTx, reportId: string, linkId: string) {
  const [row] = await db
    .select()
    .from(reportLinks)
    .where(and(eq(reportLinks.reportId, reportId), eq(reportLinks.id, linkId)));
  return row ?? null;
}

export function presentLink(row: typeof reportLinks.$inferSelect): ReportLinkView {
  const kind = row.kind as ReportLinkKind;
  return {
    id: row.id,
    kind,
    targetId: row.targetId,
    label: row.label,
    link: linkPath[kind](row.targetId),
    createdOn: cstDate(row.createdAt),
  };
}
