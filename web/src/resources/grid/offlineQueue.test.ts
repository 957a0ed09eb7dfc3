// The patrol's offline queue without a browser: with the network down a visit stays queued under the id it was given;
// when the connection returns it is sent with that same id, its findings reported once each as hidden dangers with
// source grid_patrol and the visit as origin, and the queue is empty; a refusal is not retried forever.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sent: { key: string; body: Record<string, unknown> }[] = [];
let online = false;
let refuse = false;

vi.mock('../../api/client', () => {
  class ApiError extends Error {
    constructor(
      public status: number,
      public body: unknown,
    ) {
      super(`HTTP ${status}`);
    }
  }
  return {
    ApiError,
    call: vi.fn(async (key: string, input: { body: Record<string, unknown> }) => {
      if (!online) throw new TypeError('Failed to fetch');
      if (refuse) throw new ApiError(400, { error: { code: 'VALIDATION', message: 'bad', details: [] } });
      sent.push({ key, body: input.body });
      return {};
    }),
  };
});

const store = new Map<string, string>();
const listeners = new Map<string, (() => void)[]>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  },
  window: {
    dispatchEvent: () => true,
    addEventListener: (type: string, f: () => void) => listeners.set(type, [...(listeners.get(type) ?? []), f]),
  },
  Event: class {
    constructor(public type: string) {}
  },
});
Object.defineProperty(globalThis, 'navigator', { configurable: true, get: () => ({ onLine: online }) });

const { flushQueue, readQueue, sendVisit } = await import('./offlineQueue');

const entry = () => ({
  visit: {
    id: 'a3f0c6de-8a43-4a54-9a4c-2f7f0b0f9e11',
    enterpriseId: '5d2b1f4e-1c1e-4b8a-9a57-3a9d4c2e7b10',
    checkedInAt: '2026-12-03T09:00:00+08:00',
    checklist: {},
  },
  findings: [{ description: '配电箱门缺失，线路裸露', category: 'unsafe_condition' as const, grade: 'general' as const }],
  queuedAt: '2026-12-03T09:05:00+08:00',
});

beforeEach(() => {
  sent.length = 0;
  store.clear();
  online = false;
  refuse = false;
});

describe('offline visit queue', () => {
  it('keeps a visit made offline and sends it once, with the same id, when back online', async () => {
    expect((await sendVisit(entry())).state).toBe('queued');
    expect(readQueue().map((q) => q.visit.id)).toEqual([entry().visit.id]);
    expect(await flushQueue()).toBe(0); // still offline
    online = true;
    expect(await flushQueue()).toBe(1);
    expect(sent.map((s) => s.key)).toEqual(['POST /api/grid/visits', 'POST /api/hazards']);
    expect(sent[0]!.body.id).toBe(entry().visit.id);
    expect(sent[1]!.body).toMatchObject({ source: 'grid_patrol', origin: { type: 'grid_visit', id: entry().visit.id } });
    expect(readQueue()).toEqual([]);
    expect(await flushQueue()).toBe(0);
    expect(sent).toHaveLength(2);
  });

  it('does not resend a recorded visit when only its findings were left', async () => {
    online = true;
    let calls = 0;
    const { call } = await import('../../api/client');
    vi.mocked(call).mockImplementationOnce(async (key, input) => {
      calls++;
      sent.push({ key, body: (input as unknown as { body: Record<string, unknown> }).body });
      online = false; // the connection drops right after the visit is accepted
      return {} as never;
    });
    expect((await sendVisit(entry())).state).toBe('queued');
    expect(calls).toBe(1);
    expect(readQueue()[0]).toMatchObject({ recorded: true });
    online = true;
    await flushQueue();
    expect(sent.map((s) => s.key)).toEqual(['POST /api/grid/visits', 'POST /api/hazards']);
  });

  it('drops a visit the server refuses instead of retrying it forever', async () => {
    online = true;
    refuse = true;
    const r = await sendVisit(entry());
    expect(r.state).toBe('refused');
    expect(readQueue()).toEqual([]);
  });
});
