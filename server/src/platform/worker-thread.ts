// Starts one of the server's worker threads. In production the worker is its own file beside the bundle (build.mjs
// lists the entries); from source, under tsx or vitest, the TypeScript worker needs tsx's loader registered inside the
// new thread first. `callerUrl` is the caller's import.meta.url: the bundle's own in production, the caller's source
// file otherwise, so `source` is relative to the caller.
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function startWorkerThread(
  callerUrl: string,
  entry: { bundled: string; source: string },
  o: { resourceLimits?: ResourceLimits } = {},
): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(entry.bundled, callerUrl), o);
  const source = new URL(entry.source, callerUrl).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, {
    ...o,
    eval: true,
  });
}
