// Worker thread that renders thumbnails, so decoding a 12-megapixel photo (about half a second of CPU in WASM)
// never stalls the event loop that answers every other request. One job at a time (thumbnail-pool.ts queues).
import { parentPort } from 'node:worker_threads';
import { renderThumbnail, type ThumbnailJob } from './thumbnails';

export type WorkerRequest = ThumbnailJob & { id: number };
export type WorkerReply = { id: number; data: Uint8Array } | { id: number; error: string };

parentPort!.on('message', async (job: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const data = await renderThumbnail(job);
    reply = { id: job.id, data };
  } catch (e) {
    reply = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
