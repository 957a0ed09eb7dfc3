// 联合惩戒 and 公示 on a real database: the lookup by credit code names the period and the measures; the partner feed
// is signed (verified with the development key, a tampered body fails) and carries the list in force and the changes
// since a day; the .xlsx read back holds the same; both exports are audited and scope-filtered (another district
// exports nothing of ours; a street may not export); the public disclosure page shows a penalty decision, masked,
// and loses it the moment the decision is revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { punishmentMeasureKinds, type PartnerFeedView } from '@anjian/contracts';
import { auditLog } from '../../../db/schema';
import { DEV_PARTNER_FEED_KEY } from '../../../platform/config';
import { addDays, cstDate } from '../../../platform/time';
import { buildDistrict, buildOrg, buildUser } from '../../../seed/factories';
import { loginAs } from '../../../../test/app';
import { buildCreditWorld, type CreditWorld } from '../credit.fixtures';
import { verifyPayload } from './feed-signature';

let w: CreditWorld;
let listingId: string;
let caseB: string;
beforeAll(async () => {
  w = await buildCreditWorld();
  const a = await w.accident(w.entA, 'major', '2026-05-01T10:00:00+08:00');
  await w.consume(a.eventId);
  const step = async (id: string, body: Record<string, unknown>) => {
    const cur = (await w.as.district!.get(`/api/credit/listings/${id}`)).json();
    const res = await w.as.district!.post(`/api/credit/listings/${id}/act`, { version: cur.version, ...body });
    expect(res.statusCode, res.body).toBe(200);
  };
  const p = await w.as.district!.post('/api/credit/listings', {
    enterpriseId: w.entA.id,
    criteria: ['major_accident'],
    grounds: '发生重大生产安全事故',
    sources: [{ type: 'accident', id: a.row.id }],
  });
  listingId = p.json().id;
  await step(listingId, { action: 'notice', on: '2026-06-01' });
  await step(listingId, { action: 'decide', on: '2026-06-15', documentNumber: '测应急失信〔2026〕3号' });
  await step(listingId, { action: 'publish', on: '2026-06-16' });
  const c = await w.decideCase(w.entB, { decidedOn: '2026-10-20' });
  await w.consume(c.eventId);
  caseB = c.row.id;
});
afterAll(() => w.close());

describe('the lookup by credit code', () => {
  it('answers listed with the period and every measure, and not listed with none', async () => {
    const yes = (await w.as.streetB!.get(`/api/credit/lookup?creditCode=${w.entA.creditCode}`)).json();
    expect(yes).toMatchObject({ listed: true, periodStart: '2026-06-15', periodEnd: '2029-06-15' });
    expect(new Set(yes.measures.map((m: { kind: string }) => m.kind))).toEqual(new Set(punishmentMeasureKinds));
    const no = (await w.as.streetB!.get(`/api/credit/lookup?creditCode=${w.entB.creditCode}`)).json();
    expect(no).toMatchObject({ listed: false, periodStart: null, measures: [] });
  });
});

describe('the partner feed and the .xlsx', () => {
  let feed: PartnerFeedView;
  it('signs the list in force and the changes since a day; a tampered body fails', async () => {
    const res = await w.as.district!.get('/api/credit/partner-feed?since=2026-06-01');
    expect(res.statusCode, res.body).toBe(200);
    feed = res.json();
    expect(feed.signature).toMatchObject({ algorithm: 'HMAC-SHA256', keyId: 'dev' });
    expect(verifyPayload(feed.payload, feed.signature, DEV_PARTNER_FEED_KEY)).toBe(true);
    expect(verifyPayload(feed.payload, feed.signature, 'another-key')).toBe(false);
    const tampered = structuredClone(feed.payload);
    tampered.listings[0]!.periodEnd = '2027-01-01';
    expect(verifyPayload(tampered, feed.signature, DEV_PARTNER_FEED_KEY)).toBe(false);
    expect(feed.payload.listings).toEqual([
      expect.objectContaining({ listingId, creditCode: w.entA.creditCode, principalName: '张三', periodStart: '2026-06-15' }),
    ]);
    expect(feed.payload.changes).toEqual([expect.objectContaining({ listingId, change: 'listed', on: '2026-06-16' })]);
    // A step counts as a change when recorded or dated since the day asked, so a partner polling daily misses neither.
    const later = (await w.as.district!.get(`/api/credit/partner-feed?since=${addDays(cstDate(), 1)}`)).json() as PartnerFeedView;
    expect(later.payload.changes).toEqual([]);
    expect(later.payload.listings).toHaveLength(1);
  });

  it('writes the same into an .xlsx that reads back, and audits both exports', async () => {
    const res = await w.as.district!.get('/api/credit/partner-export?since=2026-06-01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const list = wb.getWorksheet('名单')!;
    const header = (list.getRow(2).values as unknown[]).slice(1);
    const row = (list.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['失信主体', '统一社会信用代码']);
    expect(row.slice(0, 3)).toEqual([w.entA.name, w.entA.creditCode, '张三']);
    expect(row[header.indexOf('土地出让限制')]).toBe('限制');
    const changes = wb.getWorksheet('变更')!;
    expect((changes.getRow(3).values as unknown[]).slice(1)).toEqual(['2026-06-16', w.entA.name, w.entA.creditCode, '列入（公开）']);
    const audits = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'credit.partner_export'), eq(auditLog.actorId, w.users.district!.id)));
    expect(audits.map((a) => (a.after as { format: string }).format).sort()).toEqual(['feed', 'feed', 'xlsx']);
  });

  it('exports only the caller scope, and not to a street', async () => {
    const other = await buildDistrict(w.db, '他区');
    const u = await buildUser(w.db, { role: 'district_officer', org: await buildOrg(w.db, { area: other }) });
    const c = await loginAs(w.t.app, u.username, u.password);
    const feed = (await c.get('/api/credit/partner-feed')).json() as PartnerFeedView;
    expect(feed.payload.listings).toEqual([]);
    expect(feed.payload.changes).toEqual([]);
    expect((await w.as.streetA!.get('/api/credit/partner-feed')).statusCode).toBe(403);
  });
});

describe('the public disclosure page', () => {
  it('shows the penalty, accident and listing-free entries without login, and drops a revoked decision', async () => {
    const read = async (kind = '') =>
      (await w.t.app.inject({ method: 'GET', url: `/api/public/credit-disclosures?pageSize=200${kind}` })).json() as {
        items: { enterpriseName: string; kind: string; title: string; shownUntil: string }[];
      };
    const before = await read();
    expect(before.items.some((i) => i.enterpriseName === w.entB.name && i.kind === 'penalty')).toBe(true);
    expect(before.items.some((i) => i.enterpriseName === w.entA.name && i.kind === 'accident')).toBe(true);
    const penalties = await read('&kind=penalty');
    expect(penalties.items.every((i) => i.kind === 'penalty')).toBe(true);
    expect(penalties.items.find((i) => i.enterpriseName === w.entB.name)!.shownUntil).toBe('2027-10-19');
    await w.consume(await w.changeDecision(caseB, w.entB));
    const after = await read();
    expect(after.items.some((i) => i.enterpriseName === w.entB.name && i.kind === 'penalty')).toBe(false);
    const bad = await w.t.app.inject({ method: 'GET', url: '/api/public/credit-disclosures?kind=bogus' });
    expect(bad.statusCode).toBe(400);
  });
});
