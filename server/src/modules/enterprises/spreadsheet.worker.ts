// Reads uploaded spreadsheets in a worker thread (spreadsheet-thread.ts), one at a time: unzipping and parsing a
// large .xlsx, and an import's checking and sealing of its rows (spreadsheet-preparers.ts), are most of an import's
// CPU, which here runs beside the request thread instead of on it. Chunks go back each only when the reader has
// asked for it (credit), so a fast parse never piles a whole file up in the request thread's memory.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../platform/app-error';
import { readChunksHere, type SheetPreparing } from './spreadsheet-preparers';

export interface SheetRead {
  id: number;
  buffer: Uint8Array;
  filename: string;
  chunkRows: number;
  prepare?: SheetPreparing;
}
/** Reader → worker: read this file; or, for the file being read, this many more chunks may be sent. */
export type SheetWorkerRequest = { read: SheetRead } | { id: number; more: number };
/** Worker → reader. A refused file's AppError keeps its code and bilingual details across the thread. */
export type SheetWorkerMessage = { id: number } & (
  { chunk: unknown[] } | { done: true } | { refused: Pick<AppError, 'code' | 'details'> } | { failed: string }
);

const port = parentPort!;
let current = 0;
let credit = 0;
let wake: (() => void) | null = null;

async function send(id: number, chunk: unknown[]) {
  while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port.postMessage({ id, chunk } satisfies SheetWorkerMessage);
}

async function read({ id, buffer, filename, chunkRows, prepare }: SheetRead) {
  current = id;
  credit = 0;
  try {
    const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    for await (const chunk of readChunksHere(bytes, filename, chunkRows, prepare)) await send(id, chunk);
    port.postMessage({ id, done: true } satisfies SheetWorkerMessage);
  } catch (e) {
    port.postMessage(
      (e instanceof AppError
        ? { id, refused: { code: e.code, details: e.details } }
        : { id, failed: e instanceof Error ? e.message : String(e) }) satisfies SheetWorkerMessage,
    );
  }
}

port.on('message', (m: SheetWorkerRequest) => {
  if ('read' in m) void read(m.read);
  else if (m.id === current) {
    credit += m.more;
    wake?.();
    wake = null;
  }
});
