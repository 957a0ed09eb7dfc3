// An uploaded spreadsheet's rows, read in a worker thread when the file is large (spreadsheet.worker.ts). The
// 100,000 people of issue 16 arrive as files of 20,000 rows, and parsing one took ~0.6 s of the request thread's CPU:
// time every other user's request waited for, and time the import's own checking, sealing and writing could not
// use. The rows are those `readSpreadsheet` gives (spreadsheet-thread.test.ts compares them).
//
// One thread, reading one file at a time, started on the first large file (loading ExcelJS costs it 0.4–0.7 s) and
// ended after a minute without work, which also hands its heap back. The server process keeps one ready instead
// (keepSheetThreadReady): started at boot, and a fresh one in place of a thread ended after its work, so no upload
// waits for ExcelJS to load — the first file of the people bench spent 0.6 s there. A small file, or a large one
// arriving while the thread is busy, is read on the request thread as before.
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../platform/app-error';
import { startWorkerThread } from '../../platform/worker-thread';
import {
  readChunksHere,
  type PreparedRow,
  type PreparerOptions,
  type SheetPreparerName,
  type SheetPreparing,
} from './spreadsheet-preparers';
import type { SheetRow } from './spreadsheet-reader';
import type { SheetWorkerMessage, SheetWorkerRequest } from './spreadsheet.worker';

export const sheetThreadLimits = {
  /** Files smaller than this are read on the request thread. */
  minBytes: 256 * 1024,
  /** Rows a chunk (unless the caller says); two chunks may be on their way ahead of the reader. */
  chunkRows: 500,
  idleMs: 60_000,
  /**
   * The thread's heap. A workbook whose few compressed megabytes unpack to more than this (a cell of hundreds of
   * megabytes) ends the thread, not the server, and is refused as too large.
   */
  heapMb: 512,
};

/** The worker's entry: dist/spreadsheet-worker.js beside the bundle (build.mjs), or the TypeScript source. */
const startWorker = () =>
  startWorkerThread(
    import.meta.url,
    { bundled: './spreadsheet-worker.js', source: './spreadsheet.worker.ts' },
    { resourceLimits: { maxOldGenerationSizeMb: sheetThreadLimits.heapMb } },
  );

const tooLarge = () =>
  new AppError('TOO_LARGE', [{ field: 'file', zh: '文件解压后内容过大，无法读取', en: 'The file unpacks to more than can be read' }]);

type Inbound = SheetWorkerMessage | { id: number; exited: string } | { id: number; outOfMemory: true };

let worker: Worker | null = null;
let busy = false;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
/** Whether a thread is kept started between reads (the server process; tests and the CLI start one on demand). */
let keepReady = false;
/** The read in progress receives the worker's messages. */
let deliver: ((m: Inbound) => void) | null = null;

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.unref(); // never keeps a CLI or test process alive on its own
  // A discarded worker's last events (its exit, after a reader stopped early) must not reach the next read.
  w.on('message', (m: SheetWorkerMessage) => worker === w && deliver?.(m));
  w.on('error', (e: Error & { code?: string }) => {
    if (worker !== w) return;
    deliver?.(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { id: 0, outOfMemory: true } : { id: 0, failed: e.message });
  });
  w.on('exit', (code) => {
    if (worker !== w) return;
    worker = null;
    deliver?.({ id: 0, exited: `exit code ${code}` });
  });
  worker = w;
  return w;
}

function discardWorker() {
  const w = worker;
  worker = null;
  if (w) void w.terminate();
}

/** Ends the thread that did the last read, handing its heap back, and, when kept ready, starts a fresh one. */
function retireWorker() {
  discardWorker();
  if (keepReady) ensureWorker();
}

/**
 * Keeps a reading thread started from now on (an idle one adds ~66 MB to the process's RSS), so an upload never waits
 * for it to load. The thread is replaced by a fresh one a minute after its last read, or at once when a read ended it.
 */
export function keepSheetThreadReady(): void {
  keepReady = true;
  if (!busy) ensureWorker();
}

/** The reading thread's id while one is started (tests). */
export function sheetThreadId(): number | null {
  return worker?.threadId ?? null;
}

/** Ends the reading thread now (tests; it also ends itself when idle). */
export function endSheetThread(): void {
  keepReady = false;
  discardWorker();
}

/** The file's rows, in order. */
export async function* readSpreadsheetRows(buffer: Buffer, filename: string): AsyncGenerator<SheetRow> {
  for await (const chunk of readChunks(buffer, filename, sheetThreadLimits.chunkRows)) yield* chunk as SheetRow[];
}

/** The file's rows through a preparer (spreadsheet-preparers.ts), in chunks of at most `chunkRows` rows, in order. */
export function readPreparedRows<N extends SheetPreparerName>(
  buffer: Buffer,
  filename: string,
  prepare: { name: N; options: PreparerOptions<N>; chunkRows: number },
): AsyncGenerator<PreparedRow<N>[]> {
  return readChunks(buffer, filename, prepare.chunkRows, prepare) as AsyncGenerator<PreparedRow<N>[]>;
}

async function* readChunks(buffer: Buffer, filename: string, chunkRows: number, prepare?: SheetPreparing): AsyncGenerator<unknown[]> {
  if (buffer.length < sheetThreadLimits.minBytes || busy) {
    yield* readChunksHere(buffer, filename, chunkRows, prepare);
    return;
  }
  busy = true;
  if (idleTimer) clearTimeout(idleTimer);
  const id = nextId++;
  const w = ensureWorker();
  const inbox: Inbound[] = [];
  let wake: (() => void) | null = null;
  deliver = (m) => {
    if (m.id !== id && m.id !== 0) return;
    inbox.push(m);
    wake?.();
    wake = null;
  };
  const post = (m: SheetWorkerRequest) => w.postMessage(m);
  let finished = false;
  try {
    post({ read: { id, buffer, filename, chunkRows, prepare: prepare && { name: prepare.name, options: prepare.options } } });
    post({ id, more: 2 });
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const m = inbox.shift()!;
      if ('chunk' in m) {
        post({ id, more: 1 }); // the next chunk is read while this one is used
        yield m.chunk;
        continue;
      }
      finished = true;
      if ('done' in m) return;
      if ('refused' in m) throw new AppError(m.refused.code, m.refused.details);
      discardWorker();
      if ('outOfMemory' in m) throw tooLarge();
      throw new Error(`spreadsheet worker: ${'failed' in m ? m.failed : m.exited}`);
    }
  } finally {
    deliver = null;
    // Left before the end (a row limit, a failed write): the worker is still reading this file; a fresh one is cheaper
    // to start than a cancel is to get right.
    if (!finished) discardWorker();
    busy = false;
    if (worker) {
      idleTimer = setTimeout(retireWorker, sheetThreadLimits.idleMs);
      idleTimer.unref();
    } else if (keepReady) ensureWorker();
  }
}
