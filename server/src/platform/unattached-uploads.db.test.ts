// The daily sweep of uploads no record attached, for signed-in uploads (the public ones are covered with the 举报 form,
// report-photos.db.test.ts): kept for a week, then deleted with their bytes and audited; attached files stay.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, files } from '../db/schema';
import { buildHazardWorld, report, type HazardWorld } from '../modules/hazards/hazards.fixtures';
import { multipart, tinyJpeg } from './files.fixtures';
import { discardUnattachedUploads, unattachedUploadRules } from './unattached-uploads';

let w: HazardWorld;
beforeAll(async () => {
  w = await buildHazardWorld();
});
afterAll(() => w.close());

async function upload(): Promise<{ id: string }> {
  const m = multipart('现场.jpg', 'image/jpeg', tinyJpeg());
  const res = await w.entA.request({ method: 'POST', url: '/api/hazards/attachments', payload: m.payload, headers: m.headers });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const fileRow = async (id: string) => (await w.t.database.db.select().from(files).where(eq(files.id, id)))[0] ?? null;
const storedOnDisk = (storageName: string) => fs.existsSync(path.join(w.dataDir, 'files', storageName));
const daysLater = (days: number) => new Date(Date.now() + days * 86_400_000);

const hazard = {
  source: 'enterprise_self_check',
  description: '配电箱门未关闭',
  category: 'unsafe_condition',
  grade: 'general',
};

describe('unattached signed-in uploads', () => {
  it('are kept for a week, then deleted with their bytes and audited; attached ones stay', async () => {
    expect(unattachedUploadRules.signedInKeepDays).toBe(7);
    const abandoned = await upload();
    const used = await upload();
    await report(w.entA, { ...hazard, enterpriseId: w.enterpriseA.id, attachments: [used.id] });
    const stored = (await fileRow(abandoned.id))!.storageName;
    expect(storedOnDisk(stored)).toBe(true);

    // A public upload's day is long past, but a signed-in upload has a week.
    expect((await discardUnattachedUploads(w.t.database.db, w.dataDir, daysLater(6))).discarded).toBe(0);
    expect(await fileRow(abandoned.id)).not.toBeNull();

    const swept = await discardUnattachedUploads(w.t.database.db, w.dataDir, daysLater(8));
    expect(swept.discarded).toBe(1);
    expect(await fileRow(abandoned.id)).toBeNull();
    expect(storedOnDisk(stored)).toBe(false);
    expect(await fileRow(used.id)).not.toBeNull();
    const audit = await w.t.database.db.select().from(auditLog).where(eq(auditLog.entityId, abandoned.id));
    expect(audit.map((a) => [a.action, a.actorRole])).toEqual([
      ['file.upload', 'enterprise_safety_manager'],
      ['file.discard', 'system'],
    ]);

    // Presenting the deleted upload afterwards is refused like any unknown file, and nothing is written.
    const late = await w.entA.post('/api/hazards', { ...hazard, enterpriseId: w.enterpriseA.id, attachments: [abandoned.id] });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].field).toBe('attachments');
  });
});
