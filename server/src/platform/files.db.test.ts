// Uploads through the API: what is accepted and cleaned, what is refused (with nothing stored), how files are
// served, and who may read them (only those who can read the owning hazard).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { files } from '../db/schema';
import { buildHazardWorld, report, type HazardWorld } from '../modules/hazards/hazards.fixtures';
import type { Client } from '../../test/app';
import { multipart, phonePhoto, SECRET, tinyJpeg } from './files.fixtures';

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
    const thumb = await w.entA.get(`/api/files/${f.id}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.rawPayload.length).toBeLessThan(body.length);
  });

  it('accepts PDF, DOCX and XLSX documents recognised by content', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('隐患').addRow(['整改台账']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('治理方案')] }] }));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect((await upload(w.entA, '台账.xlsx', 'application/octet-stream', xlsx)).json().mime).toContain('spreadsheetml');
    expect((await upload(w.entA, '方案.docx', 'application/octet-stream', docx)).json().mime).toContain('wordprocessingml');
    expect((await upload(w.entA, '报告.pdf', 'application/pdf', pdf)).json()).toMatchObject({ kind: 'document', thumbnailUrl: null });
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
    ['photo over 10 MB', 'big.jpg', 'image/jpeg', () => tinyJpeg([], 10 * 1024 * 1024 + 1), 413],
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

  it('refuses a JSON body', async () => {
    expect((await w.entA.post('/api/hazards/attachments', { file: 'x' })).statusCode).toBe(415);
  });
});

describe('who may read a file', () => {
  it('follows the owning hazard: its enterprise and its street, not the other street; unattached: only the uploader', async () => {
    const f = (await upload(w.entA, 'a.jpg', 'image/jpeg', tinyJpeg())).json();
    expect((await w.streetOfficerA.get(f.url)).statusCode).toBe(404); // not attached yet
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
    expect((await w.entB.get(`${f.url}/thumbnail`)).statusCode).toBe(404);
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
