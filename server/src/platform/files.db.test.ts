// Uploads through the API: what is accepted and cleaned, the thumbnail rendered from a real photo, what is refused
// (with nothing stored, decompression bombs included), how files are served, and who may read them and their
// thumbnails (only those who can read the owning hazard).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { files } from '../db/schema';
import { buildHazardWorld, report, type HazardWorld } from '../modules/hazards/hazards.fixtures';
import type { Client } from '../../test/app';
import {
  bombJpeg,
  bombPng,
  bombWebp,
  jpegMarkers,
  minimalPdf,
  multipart,
  phonePhoto,
  QUADRANTS,
  realPhoto,
  realPng,
  realWebp,
  SECRET,
  tinyJpeg,
} from './files.fixtures';
import { eq } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import { backfillThumbnails } from './files';
import { decodeImage } from './thumbnails';

let w: HazardWorld;
beforeAll(async () => {
  w = await buildHazardWorld();
});
afterAll(() => w.close());

const upload = (c: Client, name: string, type: string, data: Buffer) => {
  const m = multipart(name, type, data);
  return c.request({ method: 'POST', url: '/api/hazards/attachments', payload: m.payload, headers: m.headers });
};

function storedFiles(): string[] {
  const root = path.join(w.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

async function rowCount() {
  return (await w.t.database.db.select().from(files)).length;
}

describe('accepted uploads', () => {
  it('stores a phone photo without its location, keeps orientation, serves it as an attachment with nosniff', async () => {
    const { photo } = phonePhoto();
    const res = await upload(w.entA, '现场照片.jpg', 'image/jpeg', photo);
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f).toMatchObject({ name: '现场照片.jpg', mime: 'image/jpeg', kind: 'photo', url: `/api/files/${f.id}` });
    const got = await w.entA.get(f.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    // The route's sandboxing policy wins over the platform-wide one set on every answer (platform/hardening.ts).
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(String(got.headers['content-disposition'])).toMatch(/^attachment;/);
    const body = got.rawPayload;
    expect(body.includes(SECRET)).toBe(false);
    expect(body.includes(Buffer.from('Exif\0\0MM', 'latin1'))).toBe(true);
    // Nothing on disk carries the location either, and the stored name is the server's, not the upload's.
    for (const name of storedFiles()) {
      expect(name).toMatch(/^[0-9a-f-]{36}(\.thumb)?\.jpg$/);
      const full = fs
        .readdirSync(path.join(w.dataDir, 'files'), { recursive: true })
        .map(String)
        .find((p) => p.endsWith(name))!;
      expect(fs.readFileSync(path.join(w.dataDir, 'files', full)).includes(SECRET)).toBe(false);
    }
    // The hand-built fixture has no decodable pixels: no thumbnail is stored, and the thumbnail route serves the
    // (stripped) photo itself.
    const thumb = await w.entA.get(`/api/files/${f.id}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.rawPayload).toEqual(body);
  });

  it('renders a real phone photo into an upright 320 px JPEG thumbnail without metadata, stored beside it', async () => {
    const photo = await realPhoto(1600, 1200, 6); // stored landscape, shown portrait
    const res = await upload(w.entA, 'IMG_0001.jpg', 'image/jpeg', photo);
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();
    expect(f.thumbnailUrl).toBe(`/api/files/${f.id}/thumbnail`);
    const [row] = (await w.t.database.db.select().from(files)).filter((r) => r.id === f.id);
    expect(row!.thumbnailName).toBe(row!.storageName.replace(/\.jpg$/, '.thumb.jpg'));
    expect(fs.existsSync(path.join(w.dataDir, 'files', row!.thumbnailName!))).toBe(true);

    const got = await w.entA.get(f.thumbnailUrl);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(String(got.headers['content-disposition'])).toMatch(/^attachment;.*IMG_0001-thumb\.jpg/);
    expect(got.headers.etag).not.toBe((await w.entA.get(f.url)).headers.etag);
    const thumb = got.rawPayload;
    expect(thumb.includes(SECRET)).toBe(false);
    expect(jpegMarkers(thumb).filter((m) => (m >= 0xe1 && m <= 0xef) || m === 0xfe)).toEqual([]);
    const img = await decodeImage('image/jpeg', thumb);
    expect([img.width, img.height]).toEqual([240, 320]);
    // Turned 90° clockwise: the stored bottom-left (blue) quadrant is now top left.
    const at = (x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3)];
    expect(at(60, 80).map((v, i) => Math.abs(v - QUADRANTS.bottomLeft[i]!) <= 12)).toEqual([true, true, true]);
    expect(thumb.length).toBeLessThan(photo.length / 4);
  });

  it('renders PNG and WebP photos into JPEG thumbnails', async () => {
    for (const [name, mime, data, size] of [
      ['截图.png', 'image/png', realPng(800, 400), [320, 160]],
      ['现场.webp', 'image/webp', await realWebp(400, 800), [160, 320]],
    ] as const) {
      const res = await upload(w.entA, name, mime, data);
      expect(res.statusCode).toBe(201);
      const got = await w.entA.get(res.json().thumbnailUrl);
      expect(got.headers['content-type']).toBe('image/jpeg');
      expect(got.rawPayload.includes(SECRET)).toBe(false);
      const img = await decodeImage('image/jpeg', got.rawPayload);
      expect([img.width, img.height]).toEqual(size);
    }
  });

  it('accepts PDF, DOCX and XLSX documents recognised by content', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('隐患').addRow(['整改台账']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('治理方案')] }] }));
    const pdf = minimalPdf();
    expect((await upload(w.entA, '台账.xlsx', 'application/octet-stream', xlsx)).json().mime).toContain('spreadsheetml');
    expect((await upload(w.entA, '方案.docx', 'application/octet-stream', docx)).json().mime).toContain('wordprocessingml');
    expect((await upload(w.entA, '报告.pdf', 'application/pdf', pdf)).json()).toMatchObject({ kind: 'document', thumbnailUrl: null });
  });

  it('drops a right-to-left override from the stored name and the download header', async () => {
    const res = await upload(w.entA, '整改报告\u202Efdp.exe', 'application/pdf', minimalPdf());
    expect(res.json().name).toBe('整改报告fdp.exe');
    const got = await w.entA.get(res.json().url);
    const header = String(got.headers['content-disposition']);
    expect(header).not.toMatch(/%E2%80%AE/i); // U+202E percent-encoded
    expect(header).not.toContain('\u202E');
    expect(decodeURIComponent(header.split("''")[1]!)).toBe('整改报告fdp.exe');
  });
});

describe('thumbnails for photos stored without one', () => {
  it('the operator command renders them, upright, and audits each row; photos it cannot read are skipped', async () => {
    const f = (await upload(w.entA, 'old.jpg', 'image/jpeg', await realPhoto(800, 400, 8))).json();
    const [row] = await w.t.database.db.select().from(files).where(eq(files.id, f.id));
    // As a photo uploaded before thumbnails were rendered: no thumbnail row, no file.
    fs.rmSync(path.join(w.dataDir, 'files', row!.thumbnailName!));
    await w.t.database.db.update(files).set({ thumbnailName: null }).where(eq(files.id, f.id));
    expect((await w.entA.get(`${f.url}/thumbnail`)).rawPayload.length).toBe(row!.size); // the photo itself

    const r = await backfillThumbnails(w.t.database.db, w.dataDir, w.t.config.images);
    expect(r.rendered).toBe(1);
    expect(r.skipped).toBeGreaterThanOrEqual(1); // the hand-built fixtures earlier in this file have no decodable pixels
    const got = await w.entA.get(`${f.url}/thumbnail`);
    expect(got.headers['content-type']).toBe('image/jpeg');
    const img = await decodeImage('image/jpeg', got.rawPayload);
    expect([img.width, img.height]).toEqual([160, 320]); // orientation 8: turned 90° counter-clockwise
    const audit = await w.t.database.db.select().from(auditLog).where(eq(auditLog.entityId, f.id));
    expect(audit.map((a) => a.action)).toEqual(['file.upload', 'file.thumbnail']);
    // Run again: nothing left to do.
    expect((await backfillThumbnails(w.t.database.db, w.dataDir, w.t.config.images)).rendered).toBe(0);
  });
});

describe('refused uploads store nothing', () => {
  const attacks: [string, string, string, () => Buffer, number][] = [
    ['path traversal name', '../../../etc/cron.d/evil.jpg', 'image/jpeg', () => tinyJpeg(), 400],
    ['Windows traversal name', '..\\..\\evil.jpg', 'image/jpeg', () => tinyJpeg(), 400],
    [
      'HTML disguised as JPEG',
      'photo.jpg',
      'image/jpeg',
      () => Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>'),
      415,
    ],
    [
      'HTML behind a JPEG signature',
      'photo.jpg',
      'image/jpeg',
      () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('<script>alert(1)</script>')]),
      415,
    ],
    [
      'SVG with a script',
      'chart.svg',
      'image/svg+xml',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
      415,
    ],
    [
      'SVG renamed to .png',
      'chart.png',
      'image/png',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(2)</script></svg>'),
      415,
    ],
    [
      'an HTML page beginning with %PDF-',
      'report.pdf',
      'application/pdf',
      () => Buffer.from('%PDF-1.7\n<html><body><script>fetch("/api/users")</script></body></html>\n%%EOF\n'),
      415,
    ],
    ['photo over 10 MB', 'big.jpg', 'image/jpeg', () => tinyJpeg([], 10 * 1024 * 1024 + 1), 413],
    ['PNG decompression bomb (30000 × 30000 declared in 80 bytes)', 'bomb.png', 'image/png', () => bombPng(30000, 30000), 413],
    ['JPEG decompression bomb (65000 × 65000 declared)', 'bomb.jpg', 'image/jpeg', () => bombJpeg(65000, 65000), 413],
    ['WebP decompression bomb (16384 × 16384 declared)', 'bomb.webp', 'image/webp', () => bombWebp(16384, 16384), 413],
    [
      'document over 20 MB',
      'big.pdf',
      'application/pdf',
      () => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 1)]),
      413,
    ],
  ];
  for (const [what, name, type, data, status] of attacks) {
    it(`refuses ${what} with ${status}`, async () => {
      const before = { rows: await rowCount(), disk: storedFiles().length };
      const res = await upload(w.entA, name, type, data());
      expect(res.statusCode).toBe(status);
      expect(await rowCount()).toBe(before.rows);
      expect(storedFiles().length).toBe(before.disk);
    });
  }

  it('explains the pixel limit in both languages', async () => {
    const m = multipart('bomb.png', 'image/png', bombPng(30000, 30000));
    const zh = await w.entA.request({ method: 'POST', url: '/api/hazards/attachments', payload: m.payload, headers: m.headers });
    expect(zh.json().error.details[0].message).toContain('5000 万像素');
    const en = await w.entA.request({
      method: 'POST',
      url: '/api/hazards/attachments',
      payload: m.payload,
      headers: { ...m.headers, 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toContain('50 megapixels');
  });

  it('refuses a JSON body', async () => {
    expect((await w.entA.post('/api/hazards/attachments', { file: 'x' })).statusCode).toBe(415);
  });
});

describe('who may read a file', () => {
  it('follows the owning hazard: its enterprise and its street, not the other street; unattached: only the uploader', async () => {
    const f = (await upload(w.entA, 'a.jpg', 'image/jpeg', await realPhoto(640, 480, 1))).json();
    const thumb = `${f.url}/thumbnail`;
    expect((await w.streetOfficerA.get(f.url)).statusCode).toBe(404); // not attached yet
    expect((await w.streetOfficerA.get(thumb)).statusCode).toBe(404);
    expect((await w.entA.get(thumb)).statusCode).toBe(200); // the uploader sees the preview before attaching
    const h = await report(w.entA, {
      enterpriseId: w.enterpriseA.id,
      source: 'enterprise_self_check',
      description: '消防通道堆放杂物',
      category: 'unsafe_condition',
      grade: 'general',
      attachments: [f.id],
    });
    expect(h.attachments.map((a: { id: string }) => a.id)).toEqual([f.id]);
    expect((await w.entA.get(f.url)).statusCode).toBe(200);
    expect((await w.streetOfficerA.get(f.url)).statusCode).toBe(200);
    expect((await w.streetOfficerB.get(f.url)).statusCode).toBe(404);
    expect((await w.entB.get(f.url)).statusCode).toBe(404);
    // The thumbnail follows exactly the same rule as the photo.
    const thumbOf = async (c: Client) => (await c.get(thumb)).statusCode;
    expect([await thumbOf(w.entA), await thumbOf(w.streetOfficerA), await thumbOf(w.streetOfficerB), await thumbOf(w.entB)]).toEqual([
      200, 200, 404, 404,
    ]);
    expect((await w.streetOfficerA.get(thumb)).headers['content-type']).toBe('image/jpeg');
  });

  it('refuses to attach a file someone else uploaded, or one already used', async () => {
    const mine = (await upload(w.entB, 'b.jpg', 'image/jpeg', tinyJpeg())).json();
    const body = {
      enterpriseId: w.enterpriseA.id,
      source: 'enterprise_self_check',
      description: '安全出口锁闭',
      category: 'unsafe_condition',
      grade: 'general',
    };
    const res = await w.entA.post('/api/hazards', { ...body, attachments: [mine.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('attachments');
    const own = (await upload(w.entA, 'c.jpg', 'image/jpeg', tinyJpeg())).json();
    await report(w.entA, { ...body, attachments: [own.id] });
    expect((await w.entA.post('/api/hazards', { ...body, attachments: [own.id] })).statusCode).toBe(400);
  });
});
