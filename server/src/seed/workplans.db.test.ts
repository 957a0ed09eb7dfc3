// The demo's 工作方案 as the demo users see them: the leader's board of last month with one late and some missing
// units, the street's own tasks, the 督办 task.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../test/app';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { fastArgon2 } from './factories';
import { cstDate } from '../platform/time';
import { monthOf } from '../modules/workplans/workplans.rules';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db, fastArgon2, { enterprises: 20 });
}, 600_000);
afterAll(() => t.close());

it('shows the demo plan, last month’s board and the street’s tasks', async () => {
  const leader = await loginAs(t.app, 'leader', DEMO_PASSWORD);
  const plans = (await leader.get('/api/workplans')).json();
  expect(plans.items).toHaveLength(1);
  expect(plans.items[0].taskCount).toBe(10);
  const [y, m] = monthOf(cstDate()).split('-').map(Number) as [number, number];
  const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const board = (await leader.get(`/api/workplans/${plans.items[0].id}/board?month=${last}`)).json();
  const states = board.rows.map((r: { reportState: string }) => r.reportState);
  expect(states.filter((s: string) => s === 'late')).toHaveLength(1);
  expect(states.filter((s: string) => s === 'filed')).toHaveLength(4);
  expect(states.filter((s: string) => s === 'missing').length).toBeGreaterThan(0);
  expect(board.rows.some((r: { supervised: boolean }) => r.supervised)).toBe(true);
  const street = await loginAs(t.app, 'street', DEMO_PASSWORD);
  const mine = (await street.get('/api/work-tasks/mine')).json();
  expect(mine.items).toHaveLength(2);
  expect(mine.items.map((i: { status: string }) => i.status).sort()).toEqual(['in_progress', 'reported_done']);
}, 60_000);
