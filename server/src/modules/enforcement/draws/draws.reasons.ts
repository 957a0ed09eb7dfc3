// Why each drawn enterprise weighs what it does: its signals read from the same rows of enterprise_draw_pool the pool
// read, on the draw's day, recorded with the result so the draw page (and an auditor) sees base + signals × credit
// factor per line.
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../../platform/db';
import { weightReasons, type Signals, type WeightTable } from '../../../reference/enforcement/draw';

/**
 * The signals of the drawn enterprises as the pool read them (same columns, same day), for the draw page's "why":
 * reference weightReasons turns them into the table's lines. At most k rows, by primary key.
 */
export async function drawnSignals(db: DbOrTx, ids: readonly string[], asOf: string): Promise<Map<string, Signals>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{
    id: string;
    mh: boolean;
    rl: string | null;
    acc: boolean;
    pen: boolean;
    never: boolean;
    cg: string | null;
  }>(
    await db.execute(sql`
      select e.id, e.open_major_hazard as mh, e.risk_level as rl,
             coalesce(e.last_accident_at >= (${asOf}::date - 365)::timestamptz, false) as acc,
             coalesce(e.enforcement_last_decided_on >= (${asOf}::date - 365), false) as pen,
             not e.enforcement_inspected as never, e.credit_grade as cg
      from enterprise_draw_pool e where e.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        openMajorHazard: r.mh,
        redRisk: r.rl === 'major',
        orangeRisk: r.rl === 'significant',
        recentAccident: r.acc,
        recentPenalty: r.pen,
        neverInspected: r.never,
        creditGrade: r.cg,
      },
    ]),
  );
}

/** The reasons of each drawn enterprise under the draw's table (reference weightReasons). */
export async function reasonsOfDrawn(db: DbOrTx, ids: readonly string[], asOf: string, table: WeightTable) {
  const signals = await drawnSignals(db, ids, asOf);
  return new Map(
    ids.map((id) => {
      const s = signals.get(id) ?? {};
      return [id, { creditGrade: s.creditGrade ?? null, reasons: weightReasons(s, table) }] as const;
    }),
  );
}
