// Runs thumbnail jobs in one worker thread (thumbnail.worker.ts), one job at a time, so at most one photo's
// pixels are decoded in memory and the request path's event loop keeps answering. Bounded: a few jobs may wait;
// beyond that, or when a job takes too long, the upload is stored without a thumbnail (the file route then
// falls back to the photo itself) rather than piling up memory or time. The worker is ended when idle, which
// also hands the WASM heap (it only ever grows) back to the system.
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from './worker-thread';
import type { ThumbnailJob } from './thumbnails';
import type { WorkerReply, WorkerRequest } from './thumbnail.worker';

export type ThumbnailOutcome = { ok: true; data: Buffer } | { ok: false; reason: 'busy' | 'timeout' | 'failed'; detail?: string };

export const poolLimits = { waiting: 8, timeoutMs: 30_000, idleMs: 60_000 };

interface Pending {
  job: WorkerRequest;
  resolve(outcome: ThumbnailOutcome): void;
}

/** The worker's entry: dist/thumbnail-worker.js beside the bundle (build.mjs), or the TypeScript source. */
const startWorker = () => startWorkerThread(import.meta.url, { bundled: './thumbnail-worker.js', source: './thumbnail.worker.ts' });

let worker: Worker | null = null;
let current: (Pending & { timer: NodeJS.Timeout; worker: Worker }) | null = null;
const queue: Pending[] = [];
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;

function finish(outcome: ThumbnailOutcome) {
  if (!current) return;
  clearTimeout(current.timer);
  const done = current;
  current = null;
  done.resolve(outcome);
  pump();
}

function discardWorker() {
  const w = worker;
  worker = null;
  if (w) void w.terminate();
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.unref(); // never keeps a CLI or test process alive on its own
  // Events of a worker that was already replaced (ended after a time-out) must not settle the next job.
  const mine = () => current !== null && current.worker === w;
  w.on('message', (reply: WorkerReply) => {
    if (!mine() || reply.id !== current!.job.id) return;
    if ('data' in reply) finish({ ok: true, data: Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength) });
    else {
      // libjpeg leaves a failed decode's buffers allocated in the WASM heap; a fresh thread starts clean.
      discardWorker();
      finish({ ok: false, reason: 'failed', detail: reply.error });
    }
  });
  w.on('error', (e) => {
    if (worker === w) worker = null;
    if (mine()) finish({ ok: false, reason: 'failed', detail: e.message });
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
    if (mine()) finish({ ok: false, reason: 'failed', detail: 'thumbnail worker exited' });
  });
  worker = w;
  return w;
}

function pump() {
  if (current) return;
  const next = queue.shift();
  if (!next) {
    idleTimer ??= setTimeout(() => {
      idleTimer = null;
      if (!current && queue.length === 0) discardWorker();
    }, poolLimits.idleMs).unref();
    return;
  }
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  const timer = setTimeout(() => {
    discardWorker(); // a decode that runs away is stopped by ending its thread
    finish({ ok: false, reason: 'timeout' });
  }, poolLimits.timeoutMs);
  const w = ensureWorker();
  current = { ...next, timer, worker: w };
  // The worker gets its own copy of the bytes (transferred, not cloned again): the caller still writes the original.
  // (A copy through Uint8Array: Buffer#slice would share memory, and transferring it would detach the original.)
  const data = new Uint8Array(next.job.data.byteLength);
  data.set(next.job.data);
  w.postMessage({ ...next.job, data }, [data.buffer]);
}

export function makeThumbnail(job: ThumbnailJob): Promise<ThumbnailOutcome> {
  if (queue.length >= poolLimits.waiting) return Promise.resolve({ ok: false, reason: 'busy' });
  return new Promise((resolve) => {
    queue.push({ job: { ...job, id: nextId++ }, resolve });
    pump();
  });
}

/** Ends the worker (tests, shutdown). Waiting jobs resolve as failed. */
export async function stopThumbnailWorker(): Promise<void> {
  for (const p of queue.splice(0)) p.resolve({ ok: false, reason: 'failed', detail: 'stopped' });
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
