// The worker pool's bounds: jobs beyond the waiting limit are turned away at once, a job over its time limit ends
// its thread and the next job gets a fresh one, and a job whose pixels cannot be decoded fails without harm.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { realPng } from './files.fixtures';
import { makeThumbnail, poolLimits, stopThumbnailWorker } from './thumbnail-pool';

const saved = { ...poolLimits };
afterEach(() => Object.assign(poolLimits, saved));
afterAll(() => stopThumbnailWorker());

const job = () => ({ mime: 'image/png', data: realPng(64, 32), orientation: 1, side: 16 });

describe('thumbnail pool', () => {
  it('renders in the worker thread', async () => {
    const out = await makeThumbnail(job());
    expect(out.ok && out.data.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('turns jobs away beyond the waiting limit instead of queueing without end', async () => {
    poolLimits.waiting = 1;
    // The first runs, the second waits, the third finds the queue full.
    const outcomes = await Promise.all([makeThumbnail(job()), makeThumbnail(job()), makeThumbnail(job())]);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['ok', 'ok', 'busy']);
  });

  it('ends a job over its time limit, then serves the next one from a fresh thread', async () => {
    // From a thread that is not yet started, so the limit (0 ms) always ends before any reply: a warm thread
    // could finish a small photo before the timer fires on a loaded machine.
    await stopThumbnailWorker();
    poolLimits.timeoutMs = 0;
    expect(await makeThumbnail(job())).toEqual({ ok: false, reason: 'timeout' });
    poolLimits.timeoutMs = saved.timeoutMs;
    expect((await makeThumbnail(job())).ok).toBe(true);
  });

  it('reports pixels the decoder rejects as failed, and keeps working', async () => {
    const broken = { ...job(), data: Buffer.from('\x89PNG\r\n\x1a\nnot really', 'latin1') };
    expect(await makeThumbnail(broken)).toMatchObject({ ok: false, reason: 'failed' });
    expect((await makeThumbnail(job())).ok).toBe(true);
  });
});
