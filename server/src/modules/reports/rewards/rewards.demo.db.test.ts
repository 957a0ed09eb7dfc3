// The demo's 举报奖励: after the demo seed the district officer sees one paid and one due reward in 龙城街道 with the
// year's rate, the leader the same, the street its own; the industry-department and park accounts an empty list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../../../test/app';
import { DEMO_PASSWORD, seedDemo } from '../../../seed/demo';
import { fastArgon2 } from '../../../seed/factories';
import { cstDate } from '../../../platform/time';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db, fastArgon2, { enterprises: 40 });
});
afterAll(() => t.close());

describe('demo rewards', () => {
  it('shows a paid and a due reward and the rate to the bureau, the leader and the street', async () => {
    for (const user of ['officer', 'leader', 'street']) {
      const c = await loginAs(t.app, user, DEMO_PASSWORD);
      const list = (await c.get('/api/rewards')).json();
      expect(list.items.map((r: { status: string }) => r.status).sort(), user).toEqual(['due', 'paid']);
      const paid = list.items.find((r: { status: string }) => r.status === 'paid');
      expect(paid).toMatchObject({ amount: 7_500, receiptNo: 'JL-DEMO-0001' });
      const rate = (await c.get(`/api/rewards/rate?year=${paid.year}`)).json();
      expect(rate.total.paid, user).toBeGreaterThanOrEqual(1);
    }
    const officer = await loginAs(t.app, 'officer', DEMO_PASSWORD);
    const due = (await officer.get('/api/rewards?status=due')).json().items[0];
    expect(due.abilities).toEqual(expect.arrayContaining(['propose', 'decline']));
    for (const user of ['zhujian', 'park']) {
      const c = await loginAs(t.app, user, DEMO_PASSWORD);
      expect((await c.get('/api/rewards')).json().total, user).toBe(0);
      expect((await c.get(`/api/rewards/rate?year=${cstDate().slice(0, 4)}`)).statusCode, user).toBe(200);
    }
  });
});
