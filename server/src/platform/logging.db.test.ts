// The log never carries personal data (issue 12): a failed insert of a case whose party has an identity number and a
// mobile, and a search for a mobile in the query string, are logged — the error with its type, message and stack — and
// neither number appears in any line, on either engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../seed/factories';
import { pathOnly, serializeError } from './logging';

const lines: string[] = [];
let t: TestApp;
let officer: Client;
let enterpriseId = '';
const ID_NUMBER = '44030719800101123X';
const MOBILE = '18612345678';

beforeAll(async () => {
  t = await buildTestApp({ logLevel: 'info' }, { logStream: { write: (line) => void lines.push(line) } });
  const db = t.database.db;
  const district = await buildDistrict(db);
  const street = await buildStreet(db, { district });
  enterpriseId = (await buildEnterprise(db, { area: await buildCommunity(db, { street }) })).id;
  const u = await buildUser(db, { role: 'district_officer', org: await buildOrg(db, { area: district }) });
  officer = await loginAs(t.app, u.username, u.password);
}, 60_000);
afterAll(() => t.close());

describe('log redaction', () => {
  it('logs a failed query without its parameters, and a request without its query string', async () => {
    // Make the insert fail in the database, after validation, with the party's numbers among its parameters.
    await t.database.db.execute(sql`alter table penalty_cases add constraint privacy_log_test check (party_phone is null)`);
    const res = await officer.post('/api/enforcement/cases', {
      enterpriseId,
      procedure: 'general',
      partyKind: 'natural_person',
      partyName: '张三',
      partyIdNumber: ID_NUMBER,
      partyPhone: MOBILE,
      partyAddress: '深圳市龙岗区龙城街道某路12号',
      violation: `当事人张三（身份证${ID_NUMBER}，电话${MOBILE}）`,
      basisId: 'AQSCF2021-94',
    });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(MOBILE);
    await officer.get(`/api/enterprises?q=${MOBILE}&creditCode=${ID_NUMBER}`);
    await t.database.db.execute(sql`alter table penalty_cases drop constraint privacy_log_test`);

    const log = lines.join('');
    // The failure and the request were logged (so the assertions below are about real lines) ...
    expect(log).toContain('unhandled error');
    expect(log).toContain('privacy_log_test');
    expect(log).toContain('"url":"/api/enterprises"');
    // ... and neither number, nor the 11 digits of the mobile in any form, is in any of them.
    expect(log).not.toContain(MOBILE);
    expect(log).not.toContain(ID_NUMBER);
    expect(log).not.toContain('198001011');
    expect(log).not.toContain('12345678');
  });

  it('keeps the error type, message and stack but not what the driver attached', () => {
    const cause = Object.assign(new Error('violates check constraint'), { code: '23514', detail: `Failing row contains (${MOBILE})` });
    const err = Object.assign(new Error(`Failed query: insert into t values ($1)\nparams: ${MOBILE},${ID_NUMBER}`), {
      params: [MOBILE, ID_NUMBER],
      cause,
    });
    const s = serializeError(err);
    expect(s.message).toBe('Failed query: insert into t values ($1)\nparams: [redacted]');
    expect(s.stack).toContain('params: [redacted]');
    expect(s.cause).toMatchObject({ type: 'Error', message: 'violates check constraint', code: '23514' });
    expect(JSON.stringify(s)).not.toContain(MOBILE);
    expect(pathOnly('/api/enterprises?q=1')).toBe('/api/enterprises');
  });
});
