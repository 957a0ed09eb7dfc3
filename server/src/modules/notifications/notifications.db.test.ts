// Notifications on the real database: deadline rules on working days reach the right people and nobody outside
// the record's scope; events become "waiting for your action"; the inbox API (counts, mark read, bulk); e-mail
// delivered to a real SMTP server process; the webhook retried and logged with the phone masked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { domainEvents, hazards, notificationDeliveries, notifications, users } from '../../db/schema';
import { consumeEvent } from '../../platform/queue';
import { appendEvent } from '../../platform/outbox';
import { buildHazardWorld, report, type HazardWorld } from '../hazards/hazards.fixtures';
import type { Client } from '../../../test/app';
import { emailChannel, webhookChannel } from './notifications.channels';
import { notificationsConsumer } from './notifications.consumer';
import { deliverPending, sendDailyDigests } from './notifications.delivery';
import { evaluateHazardDeadlines } from './notifications.job';

let w: HazardWorld;
const ids = new Map<Client, string>();
const idOf = async (c: Client) => {
  if (!ids.has(c)) ids.set(c, (await c.get('/api/me')).json().user.id);
  return ids.get(c)!;
};
beforeAll(async () => {
  w = await buildHazardWorld();
});
afterAll(() => w.close());

const general = (enterpriseId: string, source = 'enterprise_self_check') => ({
  enterpriseId,
  source,
  description: '配电箱门缺失，带电部位裸露',
  location: '二号车间东侧',
  category: 'unsafe_condition',
  accidentType: '05',
  grade: 'general',
});

const inbox = async (c: Client) => (await c.get('/api/notifications?pageSize=100')).json();
const kindsFor = async (c: Client, hazardId: string) =>
  (await inbox(c)).items.filter((n: { entityId: string }) => n.entityId === hazardId).map((n: { kind: string }) => n.kind);

describe('hidden-danger deadline rules', () => {
  it('remind the enterprise 3 working days before, add the street on the day, escalate 3 working days late', async () => {
    const h = await report(w.entA, general(w.enterpriseA.id));
    const db = w.t.database.db;
    // Deadline Saturday 10 October 2026, a make-up working day after the National Day holiday.
    await db.update(hazards).set({ deadline: '2026-10-10' }).where(eq(hazards.id, h.id));

    await evaluateHazardDeadlines(db, '2026-09-30'); // 3 working days before: 8, 9, 10 October
    expect(await kindsFor(w.entA, h.id)).toEqual(['due_soon']);
    expect(await kindsFor(w.streetOfficerA, h.id)).toEqual([]);

    await evaluateHazardDeadlines(db, '2026-10-05'); // a holiday: nothing fires
    await evaluateHazardDeadlines(db, '2026-10-10');
    expect((await kindsFor(w.entA, h.id)).sort()).toEqual(['due_soon', 'due_today']);
    expect(await kindsFor(w.streetOfficerA, h.id)).toEqual(['due_today']);

    await evaluateHazardDeadlines(db, '2026-10-14'); // 12, 13, 14: three working days late
    expect(await kindsFor(w.streetOfficerA, h.id)).toEqual(['escalated', 'due_today']);
    expect(await kindsFor(w.districtOfficer, h.id)).toEqual(['escalated']);

    // Nobody outside the record's scope hears of it, and a second evaluation adds nothing.
    for (const c of [w.entB, w.streetOfficerB]) expect(await kindsFor(c, h.id)).toEqual([]);
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(notifications);
    await evaluateHazardDeadlines(db, '2026-10-10');
    await evaluateHazardDeadlines(db, '2026-10-14');
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(notifications)).toEqual(before);
  });
});

describe('event consumer', () => {
  it("tells the enterprise a hidden danger waits for its action, once, and not the other street's officer", async () => {
    const h = await report(w.streetOfficerA, general(w.enterpriseA.id, 'government_inspection'));
    const db = w.t.database.db;
    const [event] = await db.select().from(domainEvents).where(eq(domainEvents.entityId, h.id));
    expect(await consumeEvent(w.t.database, notificationsConsumer, event!.id)).toBe(true);
    expect(await consumeEvent(w.t.database, notificationsConsumer, event!.id)).toBe(false);
    expect(await kindsFor(w.entA, h.id)).toEqual(['awaiting_action']);
    expect(await kindsFor(w.streetOfficerA, h.id)).toEqual([]); // the actor is not told of their own step
    expect(await kindsFor(w.streetOfficerB, h.id)).toEqual([]);
    const [n] = (await inbox(w.entA)).items.filter((i: { entityId: string }) => i.entityId === h.id);
    expect(n.link).toBe(`/hazards/${h.id}`);
  });
});

describe('penalty case steps', () => {
  it('tell the district leader a case waits for legal review, and nobody else', async () => {
    const db = w.t.database.db;
    const caseId = '00000000-0000-4000-8000-00000000c0de';
    const scope = { id: caseId, areaCode: w.enterpriseA.areaCode, enterpriseId: w.enterpriseA.id };
    const eventId = await db.transaction((tx) =>
      appendEvent(tx, 'case.submit_review', 'penalty_case', scope, null, { from: 'notified', to: 'legal_review' }),
    );
    await consumeEvent(w.t.database, notificationsConsumer, eventId);
    const kinds = async (c: Client) => (await kindsFor(c, caseId)) as string[];
    expect(await kinds(w.leader)).toEqual(['awaiting_action']);
    for (const c of [w.districtOfficer, w.streetOfficerA, w.entA]) expect(await kinds(c)).toEqual([]);
  });
});

describe('inbox API', () => {
  it('counts unread, marks one read, refuses to touch another inbox and marks all read in bulk', async () => {
    const counts = (await w.entA.get('/api/notifications/unread-count')).json();
    expect(counts.unread).toBeGreaterThanOrEqual(3);
    expect(counts.byKind.due_soon).toBeGreaterThanOrEqual(1);
    const first = (await inbox(w.entA)).items[0];
    // Someone else's id changes nothing.
    expect((await w.entB.post('/api/notifications/read', { ids: [first.id] })).json()).toEqual({ updated: 0 });
    expect((await w.entA.post('/api/notifications/read', { ids: [first.id] })).json()).toEqual({ updated: 1 });
    expect((await w.entA.get('/api/notifications/unread-count')).json().unread).toBe(counts.unread - 1);
    const unreadOnly = (await w.entA.get('/api/notifications?unread=true')).json();
    expect(unreadOnly.items.every((i: { readAt: string | null }) => i.readAt === null)).toBe(true);
    expect((await w.entA.post('/api/notifications/read', { all: true })).json()).toEqual({ updated: counts.unread - 1 });
    expect((await w.entA.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0, byKind: {} });
  });

  it("counts the caller's open items in its own scope only", async () => {
    const a = (await w.entA.get('/api/notifications/open-items')).json();
    expect(a.hazardsToRectify).toBe(2); // the two reported above
    expect(a.hazardsOverdue).toBeGreaterThanOrEqual(1); // the one due 10 October 2026
    const streetA = (await w.streetOfficerA.get('/api/notifications/open-items')).json();
    expect(streetA.hazardsToRectify).toBe(a.hazardsToRectify);
    for (const c of [w.entB, w.streetOfficerB]) {
      expect((await c.get('/api/notifications/open-items')).json()).toMatchObject({ hazardsToRectify: 0, hazardsOverdue: 0 });
    }
  });

  it('refuses a body with neither ids nor all, with the one error shape', async () => {
    const res = await w.entA.post('/api/notifications/read', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBeTruthy();
  });
});

describe('outside channels', () => {
  it('delivers an e-mail to a real SMTP server and logs the masked address', async () => {
    const received: { to: string; body: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let body = '';
        stream.on('data', (c: Buffer) => (body += c.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          done();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.server.address() as AddressInfo).port;
    try {
      const put = await w.entA.request({
        method: 'PUT',
        url: '/api/notifications/preferences',
        payload: { email: 'chen.haiyan@example.com', emailEnabled: true, webhookEnabled: false, dailyDigest: false },
      });
      expect(put.statusCode).toBe(200);
      const h = await report(w.streetOfficerA, general(w.enterpriseA.id, 'government_inspection'));
      const db = w.t.database.db;
      const [event] = await db.select().from(domainEvents).where(eq(domainEvents.entityId, h.id));
      await consumeEvent(w.t.database, notificationsConsumer, event!.id);
      const smtp = emailChannel({ host: '127.0.0.1', port, from: 'anjian@example.com', user: null, password: null, secure: false })!;
      expect(await deliverPending(db, [smtp])).toBe(1);
      expect(await deliverPending(db, [smtp])).toBe(0); // claimed once
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe('chen.haiyan@example.com');
      expect(received[0]!.body).toContain(`/hazards/${h.id}`);
      const [log] = await db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.userId, await idOf(w.entA)));
      expect(log).toMatchObject({ channel: 'email', status: 'sent', recipient: 'c***@example.com' });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('retries the webhook with backoff, logs the phone masked, and sends a digest instead of a flood', async () => {
    let calls = 0;
    const bodies: { phone: string; text: string }[] = [];
    const server = http.createServer((req, res) => {
      let b = '';
      req.on('data', (c: Buffer) => (b += c.toString()));
      req.on('end', () => {
        calls++;
        bodies.push(JSON.parse(b));
        res.statusCode = calls === 1 ? 503 : 200; // the gateway is busy once
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const db = w.t.database.db;
      const userId = await idOf(w.streetOfficerA);
      await db.update(users).set({ phone: '13812345678' }).where(eq(users.id, userId));
      await w.streetOfficerA.request({
        method: 'PUT',
        url: '/api/notifications/preferences',
        payload: { email: null, emailEnabled: false, webhookEnabled: true, dailyDigest: true },
      });
      const hook = webhookChannel({ url, retries: 3, timeoutMs: 2000 }, async () => {})!;
      // Digest readers are not flagged for one-by-one delivery...
      await db.execute(sql`update notifications set external_pending = false`);
      const h = await report(w.entA, general(w.enterpriseA.id));
      await db.update(hazards).set({ deadline: '2026-03-13' }).where(eq(hazards.id, h.id));
      await db.execute(sql`update notifications set created_at = '2026-03-12T10:00:00+08:00' where created_at > now() - interval '1 day'`);
      await evaluateHazardDeadlines(db, '2026-03-13'); // due today → the street officer
      await db.execute(sql`update notifications set created_at = '2026-03-13T09:00:00+08:00' where kind = 'due_today'`);
      const mine = await db.select().from(notifications).where(eq(notifications.userId, userId));
      expect(mine.filter((n) => n.kind === 'due_today' && n.entityId === h.id).map((n) => n.externalPending)).toEqual([false]);
      await deliverPending(db, [hook]);
      expect(calls).toBe(0);
      // ...they get one message the next morning.
      expect(await sendDailyDigests(db, [hook], '2026-03-14')).toEqual({ digests: 1 });
      expect(calls).toBe(2);
      expect(bodies[1]!.phone).toBe('13812345678');
      expect(bodies[1]!.text).toContain(h.number);
      const [log] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.userId, userId));
      expect(log).toMatchObject({ channel: 'webhook', status: 'sent', attempts: 2, recipient: '138****5678' });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
