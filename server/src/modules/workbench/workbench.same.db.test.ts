// Issue #19 cut GET /api/workbench from about eighteen statements to four (settings, the open items of every kind in
// one UNION ALL, the figures and the breakdown in one statement, and the workplan items). The answer must not move:
// over the demo district (every role's account) plus 600 open hidden dangers with tied and missing deadlines, so the
// first-20 cut of each kind falls inside ties, the API's answer equals the one the previous per-figure queries
// (test/workbench-previous) give, for every account, on several days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { WorkbenchResponse } from '@anjian/contracts';
import { buildTestApp, loginAs, type TestApp } from '../../../test/app';
import { workbenchBreakdown, workbenchFigures } from '../../../test/workbench-previous/figures';
import { workbenchTodo } from '../../../test/workbench-previous/todo';
import { users } from '../../db/schema';
import { createSession, loadSession } from '../../platform/session';
import { addDays, cstDate } from '../../platform/time';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo';
import { fastArgon2 } from '../../seed/factories';
import { loadHearingConfig } from '../enforcement/settings/enforcement.settings';
import { workbenchClock } from './workbench.clock';
import { presentWorkbench } from './workbench.presenter';

const ACCOUNTS = ['officer', 'leader', 'street', 'zhujian', 'park', 'grid', 'ent_safety', 'ent_boss', 'admin', 'auditor'];
const realToday = workbenchClock.today;
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedDemo(db, fastArgon2, { enterprises: 40 });
  // 600 more open hidden dangers over the demo's enterprises: four states, every source and both grades, deadlines
  // on a handful of days (ties) or none, found on a few days (ties again), so each kind's first 20 is a real cut. The
  // grid inspector's units come first: by random id alone they missed the 30 chosen about once in a hundred runs.
  await db.execute(sql`
    insert into hazards (number, enterprise_id, area_code, sector, park_id, source, description, category, grade,
                         found_on, deadline, state, submitted_on)
    select 'WBSAME' || lpad(g::text, 5, '0'), e.id, e.area_code, e.sector, e.park_id,
           (array['enterprise_self_check','government_inspection','grid_patrol','public_report','joint_enforcement','other'])[1 + g % 6],
           '工作台对照 ' || g, 'unsafe_condition', case when g % 7 = 0 then 'major' else 'general' end,
           current_date - (g % 3), case when g % 5 = 0 then null else current_date + (g % 4) * 5 - 8 end,
           (array['reported','rectifying','awaiting_acceptance','reported'])[1 + g % 4],
           case when g % 4 = 2 then current_date end
    from generate_series(1, 600) g
    join lateral (select id, area_code, sector, park_id from enterprises where deleted_at is null
                  order by area_code like (select o.area_code || '%' from users u join organisations o on o.id = u.org_id
                                           where u.username = 'grid') desc, id
                  offset (g % 30) limit 1) e on true`);
}, 600_000);
afterAll(async () => {
  workbenchClock.today = realToday;
  await t?.close();
});

/** The previous path: one statement per figure and per kind of item, presented the same way. */
async function previousAnswer(username: string, today: string): Promise<Omit<WorkbenchResponse, 'todoMore'>> {
  const db = t.database.db;
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const timeouts = { idleMinutes: 30, absoluteHours: 12 };
  const s = await createSession(db, u!.id, { ip: null, userAgent: 'test' }, timeouts);
  const actor = (await loadSession(db, s.sid, timeouts))!.actor;
  const hearing = await loadHearingConfig(db);
  const [todo, figures, breakdown] = await Promise.all([
    workbenchTodo(db, actor, today, hearing),
    workbenchFigures(db, actor, today, hearing),
    workbenchBreakdown(db, actor, today),
  ]);
  // The previous path listed each kind's first 20 and could not tell whether a kind had more.
  const { todoMore: _, ...answer } = presentWorkbench({ today, todo: { items: todo, more: [] }, figures, breakdown });
  return JSON.parse(JSON.stringify(answer)) as Omit<WorkbenchResponse, 'todoMore'>;
}

describe('workbench answer', () => {
  it('equals the previous per-figure queries for every account on several days', async () => {
    const kinds = new Set<string>();
    const figureKeys = new Set<string>();
    let breakdowns = 0;
    for (const shift of [0, -20, 9, 45]) {
      const today = addDays(cstDate(), shift);
      workbenchClock.today = () => today;
      for (const username of ACCOUNTS) {
        const c = await loginAs(t.app, username, DEMO_PASSWORD);
        const res = await c.get('/api/workbench');
        expect(res.statusCode, res.body).toBe(200);
        const { todoMore, ...now } = res.json() as WorkbenchResponse;
        expect(now, `${username} on ${today}`).toEqual(await previousAnswer(username, today));
        // A kind said to have more lists its full 20.
        for (const { kind } of todoMore)
          expect(
            now.todo.filter((i) => i.kind === kind),
            `${username} ${kind}`,
          ).toHaveLength(20);
        for (const item of now.todo) kinds.add(item.kind);
        for (const f of now.figures) figureKeys.add(f.key);
        if (now.breakdown?.some((b) => b.open > 0)) breakdowns++;
      }
    }
    // The comparison covered the kinds and figures that exist, not empty answers.
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'case_step',
        'check_task',
        'hazard_accept',
        'hazard_assign',
        'hazard_follow_up',
        'hazard_rectify',
        'inspection',
      ]),
    );
    expect(figureKeys.size).toBeGreaterThanOrEqual(11);
    expect(breakdowns).toBeGreaterThan(0);
  });

  it('cuts each hidden-danger kind at 20 inside tied deadlines', async () => {
    workbenchClock.today = realToday;
    const wb = (await (await loginAs(t.app, 'officer', DEMO_PASSWORD)).get('/api/workbench')).json() as WorkbenchResponse;
    expect(wb.todo.filter((i) => i.kind === 'hazard_assign')).toHaveLength(20);
    expect(wb.todo.filter((i) => i.kind === 'hazard_accept')).toHaveLength(20);
    expect(wb.todoMore).toEqual(
      expect.arrayContaining([
        { kind: 'hazard_assign', link: '/hazards?tab=reported' },
        { kind: 'hazard_accept', link: '/hazards?tab=awaiting_acceptance' },
      ]),
    );
  });
});
