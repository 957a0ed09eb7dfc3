// The shared upload preamble, through a real Fastify with the multipart plugin and the platform's error handler: the
// one error shape for each refusal, the limit as a 413, and the name kept exactly only where it is stored.
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleError } from './errors';
import { multipart as body } from './files.fixtures';
import { receiveUpload } from './upload-request';

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  app.setErrorHandler(handleError);
  await app.register(multipart, { limits: { fileSize: 1024, files: 1 } });
  app.post('/photo', async (req) => {
    const { filename, data } = await receiveUpload(req, { noun: 'photo', maxBytes: 16, exactName: true });
    return { filename, size: data.length };
  });
  app.post('/import', async (req) => {
    const { filename, data } = await receiveUpload(req, { noun: 'import' });
    return { filename, size: data.length };
  });
  await app.ready();
});
afterAll(() => app.close());

describe('receiveUpload', () => {
  it('reads the one file, keeping the name as sent where the file is stored and its base name for an import', async () => {
    const photo = await app.inject({ method: 'POST', url: '/photo', ...body('../../etc/x.jpg', 'image/jpeg', Buffer.alloc(10)) });
    expect(photo.json()).toEqual({ filename: '../../etc/x.jpg', size: 10 });
    const sheet = await app.inject({
      method: 'POST',
      url: '/import',
      ...body('C:/表格/企业.xlsx', 'application/octet-stream', Buffer.alloc(100)),
    });
    expect(sheet.json()).toEqual({ filename: '企业.xlsx', size: 100 });
  });

  it('refuses a request that is not multipart with 415, naming what the route takes, in both languages', async () => {
    for (const [lang, message] of [
      ['zh-CN', '请以 multipart/form-data 上传照片'],
      ['en', 'Upload the photo as multipart/form-data'],
    ]) {
      const res = await app.inject({ method: 'POST', url: '/photo', headers: { 'accept-language': lang }, payload: { file: 'x' } });
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA', details: [{ field: 'file', message }] });
    }
  });

  it('refuses a form without a file with 400', async () => {
    const boundary = '----nofile';
    const res = await app.inject({
      method: 'POST',
      url: '/import',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en' },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: [{ field: 'file', message: 'Choose a file to import' }] });
  });

  it("answers 413 past the route's own limit, and the plugin's where the route sets none", async () => {
    const over = await app.inject({ method: 'POST', url: '/photo', ...body('x.jpg', 'image/jpeg', Buffer.alloc(17)) });
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toMatchObject({ code: 'TOO_LARGE', details: [{ field: 'file', message: '照片不能超过 16 B' }] });
    const overPlugin = await app.inject({
      method: 'POST',
      url: '/import',
      ...body('x.xlsx', 'application/octet-stream', Buffer.alloc(1025)),
    });
    expect(overPlugin.statusCode).toBe(413);
    expect(overPlugin.json().error).toMatchObject({ code: 'TOO_LARGE', details: [{ field: 'file', message: '文件超过允许的大小' }] });
  });
});
