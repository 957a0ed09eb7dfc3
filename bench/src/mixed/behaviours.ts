// What each kind of user does on a working day, as weighted request kinds: the home page (workbench), /api/me,
// lists with filters, two-character searches, record pages, hidden-danger writes that move a hidden danger along
// its workflow (each session works its own, so versions never collide), photo uploads, self-check submissions
// and, rarely, an export. Every read and write is a real route of packages/contracts/src/routes.
import { request, type Recorder, type Reply, type Session } from './client';

/** Two-character fragments of real names, the way users type them. */
export const FRAGMENTS = ['五金', '机械', '科技', '宏达', '电子', '塑胶', '建筑', '物流', '印刷', '贸易', '家具', '食品'];
const SECTORS = ['machinery', 'light_industry', 'commerce', 'building_materials', 'hazardous_chemicals', 'construction'];
const HAZARD_STATES = ['reported', 'rectifying', 'awaiting_acceptance', 'closed'];

/** Per account: what its lists returned at setup, to open record pages the way a user clicks into them. */
export interface AccountPools {
  enterpriseIds: string[];
  hazardIds: string[];
  areaCodes: string[];
  /** Enterprise accounts: their own enterprise. */
  ownEnterpriseId: string | null;
  /** Enterprise accounts: self-check tasks still to do, each submitted once by whichever session takes it. */
  pendingChecks: string[];
}

export interface VirtualUser {
  session: Session;
  pools: AccountPools;
  /** The hidden danger this session is moving through the workflow, and its version. */
  hazard: { id: string; version: number; step: number } | null;
  /** A photo uploaded and not yet attached: the next report attaches it. */
  photoId: string | null;
}

export interface Ctx {
  rec: Recorder;
  photo: Buffer;
  today: string;
}

type Action = (u: VirtualUser, c: Ctx) => Promise<unknown>;

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const get = (c: Ctx, u: VirtualUser, kind: string, path: string) => c.rec.time(kind, 'read', () => request(u.session, path));

const REGULATOR_ROLES = new Set(['officer', 'street', 'grid', 'leader', 'zhujian', 'park']);
const EXPORTERS = new Set(['officer', 'street', 'leader', 'zhujian', 'park']);
const REPORTERS = new Set(['officer', 'street', 'grid', 'zhujian', 'park']);

const workbench: Action = (u, c) => get(c, u, 'GET /api/workbench', '/api/workbench');
const me: Action = (u, c) => get(c, u, 'GET /api/me', '/api/me');

const enterpriseList: Action = (u, c) => {
  const r = Math.random();
  const qs =
    r < 0.3
      ? `sector=${pick(SECTORS)}`
      : r < 0.5 && u.pools.areaCodes.length
        ? `areaCode=${pick(u.pools.areaCodes)}`
        : r < 0.65
          ? 'keyOnly=true'
          : `page=${1 + Math.floor(Math.random() * 5)}`;
  return get(c, u, 'GET /api/enterprises (filters)', `/api/enterprises?pageSize=20&${qs}`);
};

const enterpriseSearch: Action = (u, c) =>
  get(c, u, 'GET /api/enterprises?q= (2 chars)', `/api/enterprises?pageSize=20&q=${encodeURIComponent(pick(FRAGMENTS))}`);

const enterpriseRecord: Action = (u, c) => {
  const id = u.pools.ownEnterpriseId ?? (u.pools.enterpriseIds.length ? pick(u.pools.enterpriseIds) : null);
  return id ? get(c, u, 'GET /api/enterprises/:id', `/api/enterprises/${id}`) : me(u, c);
};

const hazardList: Action = (u, c) => {
  const r = Math.random();
  const qs = u.pools.ownEnterpriseId
    ? r < 0.5
      ? ''
      : `state=${pick(HAZARD_STATES)}`
    : r < 0.25
      ? ''
      : r < 0.45
        ? 'overdue=true'
        : r < 0.7
          ? `state=${pick(HAZARD_STATES)}`
          : r < 0.85
            ? `sector=${pick(SECTORS)}`
            : `page=${2 + Math.floor(Math.random() * 10)}`;
  return get(c, u, 'GET /api/hazards (filters)', `/api/hazards?pageSize=20&${qs}`);
};

const hazardRecord: Action = (u, c) =>
  u.pools.hazardIds.length ? get(c, u, 'GET /api/hazards/:id', `/api/hazards/${pick(u.pools.hazardIds)}`) : hazardList(u, c);

const casesList: Action = (u, c) => get(c, u, 'GET /api/enforcement/cases', '/api/enforcement/cases?pageSize=20');

const checkTasks: Action = (u, c) => get(c, u, 'GET /api/check-tasks', '/api/check-tasks?pageSize=20');

const exportSmall: Action = (u, c) =>
  c.rec.time('GET /api/enterprises/export (q= search)', 'export', () =>
    request(u.session, `/api/enterprises/export?q=${encodeURIComponent(pick(FRAGMENTS))}`),
  );

const upload: Action = async (u, c) => {
  const r = await c.rec.time('POST /api/hazards/attachments (photo)', 'write', () =>
    request(u.session, '/api/hazards/attachments', {
      multipart: { field: 'file', filename: 'photo.jpg', type: 'image/jpeg', data: c.photo },
    }),
  );
  if (r) u.photoId = r.json<{ id: string }>().id;
};

const act = (u: VirtualUser, c: Ctx, action: string, evidence: Record<string, unknown>) =>
  c.rec.time(`POST /api/hazards/:id/actions/${action}`, 'write', () =>
    request(u.session, `/api/hazards/${u.hazard!.id}/actions/${action}`, { json: { version: u.hazard!.version, evidence } }),
  );

/** Reporting a new hidden danger, then one workflow step per call until it is closed. */
const hazardWrite: Action = async (u, c) => {
  const enterprise = u.pools.ownEnterpriseId ?? (u.pools.enterpriseIds.length ? pick(u.pools.enterpriseIds) : null);
  if (!enterprise) return me(u, c);
  const regulator = !u.pools.ownEnterpriseId;
  let r: Reply | null;
  if (!u.hazard) {
    const attachments = u.photoId ? [u.photoId] : [];
    u.photoId = null;
    r = await c.rec.time('POST /api/hazards (report)', 'write', () =>
      request(u.session, '/api/hazards', {
        json: {
          enterpriseId: enterprise,
          source: regulator ? (u.session.role === 'grid' ? 'grid_patrol' : 'government_inspection') : 'enterprise_self_check',
          description: '压力表超期未检验，安全阀铅封缺失',
          location: '二号车间',
          category: 'unsafe_condition',
          grade: 'general',
          attachments,
        },
      }),
    );
    if (r) {
      const h = r.json<{ id: string; version: number }>();
      u.hazard = { id: h.id, version: h.version, step: 0 };
    }
    return;
  }
  // A regulator closes what it found on the spot; an enterprise goes through rectification and its own acceptance.
  const steps: [string, Record<string, unknown>][] = regulator
    ? [['fix_on_the_spot', { onTheSpotRecord: '现场已更换合格压力表并补铅封' }]]
    : [
        ['start_rectification', { deadlineDays: 7, responsiblePerson: '陈海燕' }],
        ['submit_for_acceptance', { rectificationRecord: '已更换压力表，安全阀送检并铅封' }],
        ['accept', { acceptanceOpinion: '整改到位，同意销号' }],
      ];
  const [action, evidence] = steps[u.hazard.step]!;
  r = await act(u, c, action, evidence);
  if (!r) {
    u.hazard = null; // a failure is recorded; start afresh rather than repeat it
    return;
  }
  u.hazard.version = r.json<{ version: number }>().version;
  u.hazard.step++;
  if (u.hazard.step >= steps.length) u.hazard = null;
};

const checkSubmit: Action = async (u, c) => {
  const id = u.pools.pendingChecks.pop();
  if (!id) return checkTasks(u, c);
  const detail = await get(c, u, 'GET /api/check-tasks/:id', `/api/check-tasks/${id}`);
  if (!detail) return;
  const items = detail.json<{ items: { id: string }[] }>().items;
  if (!items.length) return;
  await c.rec.time('POST /api/check-tasks/:id/submit', 'write', () =>
    request(u.session, `/api/check-tasks/${id}/submit`, { json: { results: items.map((i) => ({ itemId: i.id, result: 'pass' })) } }),
  );
};

/** Weights per request kind; they sum to about 100 for each kind of user. */
function mixFor(role: string): [Action, number][] {
  if (!REGULATOR_ROLES.has(role)) {
    return [
      [workbench, 20],
      [me, 10],
      [hazardList, 15],
      [hazardRecord, 10],
      [enterpriseRecord, 10],
      [checkTasks, 6],
      [checkSubmit, 2],
      [casesList, 3],
      [upload, 8],
      [hazardWrite, 16],
    ];
  }
  const mix: [Action, number][] = [
    [workbench, 15],
    [me, 10],
    [enterpriseList, 15],
    [enterpriseSearch, 12],
    [enterpriseRecord, 12],
    [hazardList, 12],
    [hazardRecord, 9],
  ];
  if (role !== 'grid') mix.push([casesList, 5]);
  if (REPORTERS.has(role)) mix.push([hazardWrite, role === 'grid' ? 12 : 6]);
  if (EXPORTERS.has(role)) mix.push([exportSmall, 0.1]);
  return mix;
}

const mixes = new Map<string, { actions: [Action, number][]; total: number }>();

export function nextAction(role: string): Action {
  let m = mixes.get(role);
  if (!m) {
    const actions = mixFor(role);
    mixes.set(role, (m = { actions, total: actions.reduce((a, [, w]) => a + w, 0) }));
  }
  let r = Math.random() * m.total;
  for (const [a, w] of m.actions) if ((r -= w) < 0) return a;
  return m.actions[0]![0];
}

export { enterpriseList, enterpriseSearch };

/** Each kind of step alone, with the kind of account that does it: for the CPU cost of one request of each. */
export const ACTIONS_ALONE: { name: string; role: string; action: Action }[] = [
  { name: 'workbench (district officer)', role: 'officer', action: workbench },
  { name: 'workbench (enterprise)', role: 'ent', action: workbench },
  { name: 'me', role: 'officer', action: me },
  { name: 'enterprise list (filters)', role: 'officer', action: enterpriseList },
  { name: 'enterprise search (2 chars)', role: 'officer', action: enterpriseSearch },
  { name: 'enterprise record', role: 'officer', action: enterpriseRecord },
  { name: 'hazard list (filters)', role: 'officer', action: hazardList },
  { name: 'hazard record', role: 'officer', action: hazardRecord },
  { name: 'cases list', role: 'officer', action: casesList },
  { name: 'hazard report + close (regulator)', role: 'street', action: hazardWrite },
  { name: 'hazard report + 3 steps (enterprise)', role: 'ent', action: hazardWrite },
  { name: 'photo upload', role: 'ent', action: upload },
];
