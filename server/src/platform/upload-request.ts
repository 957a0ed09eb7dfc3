// The one file a multipart upload carries, read whole, with the same refusals on every upload route: 415 when the
// request is not multipart, 400 when it carries no file, and 413 (thrown while reading) past the route's limit, so
// nothing is stored.
import type { FastifyRequest } from 'fastify';
import { AppError, fieldError, sizeText } from './errors';

/** What the route takes, as its messages name it. */
export type UploadNoun = 'file' | 'photo' | 'material' | 'import';

const messages: Record<UploadNoun, { what: [zh: string, en: string]; choose: [zh: string, en: string] }> = {
  file: { what: ['文件', 'file'], choose: ['请选择要上传的文件', 'Choose a file to upload'] },
  photo: { what: ['照片', 'photo'], choose: ['请选择要上传的照片', 'Choose a photo to upload'] },
  material: { what: ['文件', 'file'], choose: ['请选择要上传的课件', 'Choose a file to upload'] },
  import: { what: ['文件', 'file'], choose: ['请选择要导入的文件', 'Choose a file to import'] },
};

export interface UploadOptions {
  noun: UploadNoun;
  /** Past this many bytes the read answers 413; without it, the multipart plugin's limit (app.ts). */
  maxBytes?: number;
  /**
   * The name exactly as sent, for a file that is stored: storeUpload then refuses a name that climbs folders instead
   * of the multipart parser trimming it silently. An import only reads the name's extension and records its base name.
   */
  exactName?: boolean;
}

export async function receiveUpload(req: FastifyRequest, opts: UploadOptions): Promise<{ filename: string; data: Buffer }> {
  const m = messages[opts.noun];
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA', [
      { field: 'file', zh: `请以 multipart/form-data 上传${m.what[0]}`, en: `Upload the ${m.what[1]} as multipart/form-data` },
    ]);
  }
  const file = await req.file({
    ...(opts.maxBytes ? { limits: { fileSize: opts.maxBytes, files: 1 } } : {}),
    ...(opts.exactName ? { preservePath: true } : {}),
  });
  if (!file) throw fieldError('file', ...m.choose);
  try {
    return { filename: file.filename, data: await file.toBuffer() };
  } catch (e) {
    // Past the route's own limit, say what it is; past the plugin's, the error handler's generic 413 answers.
    if ((e as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE' || !opts.maxBytes) throw e;
    const limit = sizeText(opts.maxBytes);
    throw new AppError('TOO_LARGE', [
      { field: 'file', zh: `${m.what[0]}不能超过 ${limit}`, en: `The ${m.what[1]} may not exceed ${limit}` },
    ]);
  }
}
