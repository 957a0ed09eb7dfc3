// The patrol's offline queue: a visit the phone could not send (no signal) waits in localStorage with the id it was
// given before the first try, and is resent with the same id when the connection returns — the server records a
// visit id once, so a resend after a lost answer never makes a second visit. Hidden dangers found on the visit are
// reported afterwards through the hazards route (source grid_patrol, origin the visit), each once: a finding is
// removed from the entry as soon as its report is accepted.
import type { RecordVisitBody, ReportHazardBody } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';

export type Finding = Pick<ReportHazardBody, 'description' | 'category' | 'grade' | 'location'>;
export interface QueuedVisit {
  visit: RecordVisitBody;
  findings: Finding[];
  /** The visit itself was accepted; only findings are left. */
  recorded?: boolean;
  queuedAt: string;
  lastError?: string;
}

const KEY = 'anjian.grid.visitQueue';

export function readQueue(): QueuedVisit[] {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as QueuedVisit[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(q: QueuedVisit[]) {
  localStorage.setItem(KEY, JSON.stringify(q));
  window.dispatchEvent(new Event('grid-queue'));
}

function put(entry: QueuedVisit) {
  const q = readQueue().filter((x) => x.visit.id !== entry.visit.id);
  writeQueue([...q, entry]);
}

function drop(id: string) {
  writeQueue(readQueue().filter((x) => x.visit.id !== id));
}

/** A network failure (no answer at all), as opposed to the server refusing the visit. */
const isOffline = (e: unknown) => !(e instanceof ApiError) || e.status >= 500 || e.status === 429;

export type SendResult = { state: 'sent' } | { state: 'queued' } | { state: 'refused'; error: ApiError };

/** Sends one visit and its findings; on no connection keeps it queued, on a refusal leaves it to the caller. */
export async function sendVisit(entry: QueuedVisit): Promise<SendResult> {
  put(entry);
  try {
    if (!entry.recorded) {
      await call('POST /api/grid/visits', { body: entry.visit });
      entry = { ...entry, recorded: true };
      put(entry);
    }
    while (entry.findings.length > 0) {
      const [f, ...rest] = entry.findings;
      await call('POST /api/hazards', {
        body: {
          enterpriseId: entry.visit.enterpriseId,
          source: 'grid_patrol',
          description: f!.description,
          category: f!.category,
          grade: f!.grade,
          location: f!.location ?? null,
          origin: { type: 'grid_visit', id: entry.visit.id },
        },
      });
      entry = { ...entry, findings: rest };
      put(entry);
    }
    drop(entry.visit.id);
    return { state: 'sent' };
  } catch (e) {
    if (isOffline(e)) {
      put({ ...entry, lastError: String((e as Error).message ?? e) });
      return { state: 'queued' };
    }
    // A refusal is final for this entry: leave it out of the queue so it is not resent forever.
    drop(entry.visit.id);
    return { state: 'refused', error: e as ApiError };
  }
}

let flushing = false;
/** Resends every queued visit (on start, when the browser is back online, or on demand). Returns how many went. */
export async function flushQueue(): Promise<number> {
  if (flushing || !navigator.onLine) return 0;
  flushing = true;
  let sent = 0;
  try {
    for (const entry of readQueue()) {
      const r = await sendVisit(entry);
      if (r.state === 'sent') sent++;
      if (r.state === 'queued') break; // still offline
    }
  } finally {
    flushing = false;
  }
  return sent;
}

let installed = false;
/** Flushes when the connection returns; call once from the patrol pages. */
export function installQueueFlush(onSent: (n: number) => void) {
  if (installed) return;
  installed = true;
  window.addEventListener('online', () => void flushQueue().then((n) => n > 0 && onSent(n)));
  void flushQueue().then((n) => n > 0 && onSent(n));
}
