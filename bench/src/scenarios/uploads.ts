// Photo uploads: a 12-megapixel phone photo, whose thumbnail is rendered in the worker thread, against a document
// of the same size, which is only checked and stored — the ratio is what rendering the thumbnail adds. And the
// latency of GET /api/me while photos upload back to back against the same requests on an idle server: the
// decode runs off the event loop, so other requests should barely notice.
import { encodeJpeg, type Raster } from '../../../server/src/platform/thumbnails';
import { freshDataDir, login, percentiles, startPlatform, timeIt, type ScenarioResult } from '../lib';

/** Gradients and stripes: compresses like a photo (a few MB at 12 MP), unlike noise. */
function photoLike(width: number, height: number): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 7 + y) & 255;
      data[i + 1] = Math.sin(x / 50) * 127 + 128;
      data[i + 2] = (x ^ y) & 255;
      data[i + 3] = 255;
    }
  return { data, width, height };
}

export async function uploadScenario(): Promise<ScenarioResult[]> {
  const platform = await startPlatform({ ANJIAN_DATA_DIR: freshDataDir('uploads') });
  try {
    const s = await login(platform.url, 'ent_safety');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const photo = await encodeJpeg(photoLike(4000, 3000), 85);
    // A structurally plausible PDF (header, an object, %%EOF at the end) of the photo's size: the server checks all three.
    const pdfHead = Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n');
    const pdfTail = Buffer.from('\n%%EOF\n');
    const pdf = Buffer.concat([pdfHead, Buffer.alloc(photo.length - pdfHead.length - pdfTail.length, 0x20), pdfTail]);
    const post = async (name: string, type: string, data: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([data], { type }), name);
      const res = await fetch(`${platform.url}/api/hazards/attachments`, { method: 'POST', headers, body: form });
      if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { thumbnailUrl: string | null };
    };
    // The photo really gets its own thumbnail (not the fallback to the photo itself).
    const first = await post('photo.jpg', 'image/jpeg', photo);
    const thumb = await fetch(`${platform.url}${first.thumbnailUrl}`, { headers });
    const thumbBytes = (await thumb.arrayBuffer()).byteLength;
    if (thumbBytes >= photo.length / 10) throw new Error(`thumbnail of ${thumbBytes} bytes: not rendered`);

    const photoUpload = await timeIt(() => post('photo.jpg', 'image/jpeg', photo), 12, 1, 2);
    const documentUpload = await timeIt(() => post('scan.pdf', 'application/pdf', pdf), 12, 1, 2);

    const me = () => fetch(`${platform.url}/api/me`, { headers }).then((r) => r.arrayBuffer());
    // Sampled one at a time for as long as 6 photos take to upload back to back, then as many again on an idle server.
    let uploading = true;
    let uploaded = 0;
    const background = (async () => {
      for (; uploaded < 6; uploaded++) await post('photo.jpg', 'image/jpeg', photo);
      uploading = false;
    })();
    const busySamples: number[] = [];
    while (uploading) {
      const t0 = performance.now();
      await me();
      busySamples.push(performance.now() - t0);
    }
    await background;
    const idleSamples: number[] = [];
    for (let i = 0; i < busySamples.length; i++) {
      const t0 = performance.now();
      await me();
      idleSamples.push(performance.now() - t0);
    }
    const meBusy = percentiles(busySamples);
    const meIdle = percentiles(idleSamples);

    return [
      {
        name: 'POST /api/hazards/attachments: 12 MP JPEG with thumbnail vs same-size PDF',
        engine: 'pglite',
        metrics: { photoBytes: photo.length, thumbnailBytes: thumbBytes, photo: photoUpload, document: documentUpload },
        ratios: { p50: photoUpload.p50ms / documentUpload.p50ms, p95: photoUpload.p95ms / documentUpload.p95ms },
      },
      {
        name: 'GET /api/me while 12 MP photos upload back to back vs idle',
        engine: 'pglite',
        metrics: { idle: meIdle, duringUploads: meBusy, photosUploadedMeanwhile: uploaded },
        ratios: { p50: meBusy.p50ms / meIdle.p50ms, p95: meBusy.p95ms / meIdle.p95ms },
        notes: 'decoding runs in a worker thread; the event loop only copies bytes and writes files',
      },
    ];
  } finally {
    await platform.stop();
  }
}
