// The demo's 举报 handling as the demo users see it: the park and 住建 accounts each see the report routed to them,
// the 住建 one extended; the street sees an overdue report linked to a hidden danger; the administrator the rules.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../test/app';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { fastArgon2 } from './factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db, fastArgon2, { enterprises: 20 });
}, 600_000);
afterAll(() => t.close());

it('shows each demo role its routed reports, the extension, the overdue link and the rules', async () => {
  const park = await loginAs(t.app, 'park', DEMO_PASSWORD);
  const parkList = (await park.get('/api/reports')).json();
  expect(parkList.items).toHaveLength(1);
  const zhujian = await loginAs(t.app, 'zhujian', DEMO_PASSWORD);
  const deptList = (await zhujian.get('/api/reports')).json();
  expect(deptList.items).toHaveLength(1);
  expect(deptList.items[0].extendedDays).toBe(20);
  const street = await loginAs(t.app, 'street', DEMO_PASSWORD);
  const overdue = (await street.get('/api/reports?overdue=true')).json();
  expect(overdue.items.length).toBeGreaterThan(0);
  const detail = (await street.get(`/api/reports/${overdue.items[0].id}`)).json();
  expect(detail.links).toHaveLength(1);
  expect(detail.daysLeft).toBeLessThan(0);
  const admin = await loginAs(t.app, 'admin', DEMO_PASSWORD);
  const rules = await admin.get('/api/report-routing-rules');
  expect(rules.statusCode).toBe(200);
  expect(rules.json()).toHaveLength(2);
});
