// The public pages' API without a login, on a real database: published penalty decisions paged on the server with
// natural persons' data masked and changed/revoked ones gone; published 双随机 draws listed newest first, unpublished
// ones never.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnforcementWorld, type EnforcementWorld } from '../enforcement.fixtures';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
}, 60_000);
afterAll(() => w.close());

const anonymous = async (url: string) => {
  const res = await w.t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('public notices', () => {
  it('pages published decisions on the server, masks persons, drops unpublished and revoked ones', async () => {
    const e = w.enterprisesA[0]!;
    const ids: string[] = [];
    for (const [i, publish] of [true, true, true, false].entries()) {
      const ok = await w.officer.post('/api/enforcement/cases', {
        enterpriseId: e.id,
        procedure: 'simple',
        partyKind: 'natural_person',
        partyName: `周${'一二三四'[i]}明`,
        partyPhone: `1391234567${i}`,
        partyIdNumber: `44030719900101123${i}`,
        violation: '未采取措施消除事故隐患',
        basisId: 'AQSCF2021-102',
        fine: 200,
        publish,
      });
      expect(ok.statusCode, ok.body).toBe(201);
      ids.push(ok.json().id);
    }
    const page1 = await anonymous('/api/public/penalties?page=1&pageSize=2');
    const page2 = await anonymous('/api/public/penalties?page=2&pageSize=2');
    expect(page1.total).toBe(3);
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    const shown = [...page1.items, ...page2.items];
    expect(new Set(shown.map((i: { id: string }) => i.id))).toEqual(new Set(ids.slice(0, 3)));
    expect(shown.map((i: { partyName: string }) => i.partyName).sort()).toEqual(['周＊＊', '周＊＊', '周＊＊']);
    expect(JSON.stringify(shown)).not.toMatch(/1391234567\d|4403071990010112/);
    expect(shown[0]).toMatchObject({ partyPhone: expect.stringMatching(/^139\*{4}567\d$/), fine: 200 });

    // A revoked decision leaves the page at once.
    const c = (await w.officer.get(`/api/enforcement/cases/${ids[0]}`)).json();
    const revoked = await w.leader.post(`/api/enforcement/cases/${ids[0]}/actions/change_decision`, {
      version: c.version,
      note: '复议撤销',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await anonymous('/api/public/penalties?pageSize=50');
    expect(after.total).toBe(2);
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(ids[0]);
  }, 30_000);

  it('lists published draws only, newest first, paged', async () => {
    const draw = async (title: string) => {
      const res = await w.officer.post('/api/enforcement/draws', { title, k: 1, inspectorsPerEnterprise: 0 });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const a = await draw('公开甲');
    const b = await draw('未公开乙');
    const c = await draw('公开丙');
    expect((await w.officer.post(`/api/enforcement/draws/${a}/publish`, {})).statusCode).toBe(200);
    expect((await w.officer.post(`/api/enforcement/draws/${c}/publish`, {})).statusCode).toBe(200);
    const list = await anonymous('/api/public/draws?pageSize=1');
    expect(list.total).toBe(2);
    expect(list.items).toEqual([expect.objectContaining({ id: c, title: '公开丙', selected: 1, poolCount: 4 })]);
    const second = await anonymous('/api/public/draws?page=2&pageSize=1');
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([a]);
    expect(JSON.stringify(await anonymous('/api/public/draws?pageSize=50'))).not.toContain(b);
    const one = await anonymous(`/api/public/draws/${c}`);
    expect(one.result).toHaveLength(1);
  });
});
