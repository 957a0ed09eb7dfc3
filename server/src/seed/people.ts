// Demo 三项岗位 people and certificates: 宏达五金's own list through the real commands (as ent_safety: a principal,
// a safety manager and special-operations workers, one certificate in its review window, one lapsed because its
// review was missed, one worker without a certificate), and a sample of generated enterprises in every street written
// directly (no audit entries for generated units), each with its summary row, so the officers' 持证管理 page shows
// an expiry list and rates below 100% in every street.
import { asc, sql } from 'drizzle-orm';
import { certificates, enterprises, people } from '../db/schema';
import type { Tx } from '../platform/db';
import { maskIdNumber } from '../platform/masking';
import { addDays, cstDate } from '../platform/time';
import { createPersonIn } from '../modules/people/commands/save-person';
import { certificateColumns } from '../modules/people/commands/save-certificate';
import { refreshSummary } from '../modules/people/people.queries';
import { addYears } from '../modules/people/people.rules';
import { hashIdNumber, sealIdNumber } from '../modules/people/people.vault';
import { prng } from './enterprises';
import { demoActor } from './hazards';

/** A valid 身份证号 (GB 11643 check character) born in 龙岗 on the given day. */
export function demoIdNumber(birth: string, seq: number): string {
  const body = `440307${birth.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '军', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华', '志强', '海燕', '国庆', '文斌', '晓东'];
const ITEMS = ['1.2', '1.2', '1.1', '2.1', '2.1', '3.1', '3.2', '4.1', '9.16'];

export async function seedDemoPeople(tx: Tx, vaultKey: string, hongdaId: string): Promise<void> {
  const today = cstDate();
  const ent = await demoActor(tx, 'ent_safety');
  const ctx = { actor: ent, ip: null, vaultKey, today };
  const add = async (name: string, post: 'principal' | 'safety_manager' | 'special_operator', seq: number, from: string) =>
    (
      await createPersonIn(tx, ctx, {
        name,
        idNumber: demoIdNumber('1978-05-12', seq),
        phone: `1391234${String(5000 + seq)}`,
        post,
        employedFrom: from,
      })
    ).id;
  const area = await areaOf(tx, hongdaId);
  const boss = await add('黄志明', 'principal', 1, '2012-03-01');
  const chen = await add('陈海燕', 'safety_manager', 2, '2016-07-15');
  const elec = await add('刘建华', 'special_operator', 3, '2010-09-01');
  const weld = await add('张国庆', 'special_operator', 4, '2018-04-20');
  const weld2 = await add('何文斌', 'special_operator', 5, '2019-11-11');
  await add('罗晓东', 'special_operator', 6, addDays(today, -40));
  const write = async (personId: string, c: Parameters<typeof certificateColumns>[0]) => {
    await tx
      .insert(certificates)
      .values({ ...certificateColumns(c, today), personId, enterpriseId: hongdaId, areaCode: area, sector: 'machinery', parkId: null });
  };
  await write(boss, {
    kind: 'safety_qualification',
    itemText: '工贸行业',
    number: '440307202400118',
    issuer: '深圳市应急管理局',
    issuedOn: '2024-05-20',
    expiresOn: '2027-05-19',
  });
  await write(chen, {
    kind: 'safety_qualification',
    itemText: '工贸行业',
    number: '440307202300356',
    issuer: '深圳市应急管理局',
    issuedOn: '2023-08-10',
    expiresOn: addDays(today, 45),
  });
  // In the 60-day review window (3 years after issue comes up in 25 days).
  await write(elec, {
    kind: 'special_operation',
    operationItem: '1.2',
    number: 'T440307197805120031',
    issuer: '深圳市应急管理局',
    issuedOn: addYears(addDays(today, 25), -3),
  });
  // The review was missed 20 days ago: lapsed (rules.md §5.2).
  await write(weld, {
    kind: 'special_operation',
    operationItem: '2.1',
    number: 'T440307197805120048',
    issuer: '深圳市应急管理局',
    issuedOn: addYears(addDays(today, -20), -3),
  });
  await write(weld2, {
    kind: 'special_operation',
    operationItem: '2.1',
    number: 'T440307197805120056',
    issuer: '深圳市应急管理局',
    issuedOn: addYears(today, -1),
  });
  await write(elec, {
    kind: 'special_equipment',
    itemText: 'N1 叉车司机',
    number: 'TS440307-2022-0815',
    issuer: '深圳市市场监督管理局',
    issuedOn: '2022-08-15',
    expiresOn: '2026-08-14',
  });
  await refreshSummary(tx, hongdaId, today);

  // Generated units: a sample in every street, 2–5 people each.
  const sample = await tx
    .select({ id: enterprises.id, areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(sql`${enterprises.id} <> ${hongdaId} and ${enterprises.deletedAt} is null`)
    .orderBy(asc(enterprises.creditCode))
    .limit(120);
  const r = prng(16);
  let seq = 100;
  for (const e of sample) {
    const n = 2 + r.int(4);
    for (let i = 0; i < n; i++) {
      seq++;
      const post = i === 0 ? 'principal' : i === 1 ? 'safety_manager' : 'special_operator';
      const idNumber = demoIdNumber(`19${70 + r.int(25)}-0${1 + r.int(9)}-1${r.int(9)}`, seq);
      const { sealed, keyId } = sealIdNumber(vaultKey, idNumber);
      const [p] = await tx
        .insert(people)
        .values({
          enterpriseId: e.id,
          areaCode: e.areaCode,
          sector: e.sector,
          parkId: e.parkId,
          name: `${FAMILY[r.int(FAMILY.length)]}${GIVEN[r.int(GIVEN.length)]}`,
          idNumberSealed: sealed,
          idNumberKeyId: keyId,
          idNumberMasked: maskIdNumber(idNumber)!,
          idNumberHash: hashIdNumber(vaultKey, idNumber),
          phone: `13${5 + r.int(4)}${String(10000000 + r.int(89999999))}`,
          post,
          employedFrom: addDays(today, -(200 + r.int(3000))),
        })
        .returning({ id: people.id });
      // Most hold a certificate; some are due for review, some lapsed, some never certified.
      const roll = r.int(10);
      if (roll === 0) continue;
      const special = post === 'special_operator';
      const issuedOn =
        roll === 1
          ? addDays(addYears(today, -3), -(1 + r.int(60)))
          : roll === 2
            ? addDays(addYears(today, -3), 1 + r.int(55))
            : addDays(today, -(30 + r.int(1000)));
      const c = special
        ? { kind: 'special_operation' as const, operationItem: ITEMS[r.int(ITEMS.length)]!, issuedOn }
        : { kind: 'safety_qualification' as const, issuedOn, expiresOn: addYears(issuedOn, 3) };
      await tx.insert(certificates).values({
        ...certificateColumns({ ...c, number: `44030${seq}`, issuer: '深圳市应急管理局' }, today),
        personId: p!.id,
        enterpriseId: e.id,
        areaCode: e.areaCode,
        sector: e.sector,
        parkId: e.parkId,
      });
    }
    await refreshSummary(tx, e.id, today);
  }
}

async function areaOf(tx: Tx, enterpriseId: string): Promise<string> {
  const [row] = await tx
    .select({ a: enterprises.areaCode })
    .from(enterprises)
    .where(sql`${enterprises.id} = ${enterpriseId}`);
  return row!.a;
}
