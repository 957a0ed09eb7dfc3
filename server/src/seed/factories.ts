// Factories that build consistent records, creating any missing parents. Tests use them to build
// their own jurisdiction; the demo seed uses the same functions.
import { randomInt } from 'node:crypto';
import type { Role, Sector, OrgKind } from '@anjian/contracts';
import { areas, enterprises, organisations, parks, users } from '../db/schema';
import type { DbOrTx } from '../platform/db';
import { hashPassword, type Argon2Params } from '../platform/passwords';
import { CREDIT_CODE_CHARSET, completeCreditCode } from '../reference/credit-code';

/** Cheap hashing for tests and bulk seeds; production uses the configured cost. */
export const fastArgon2: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };

type AreaRow = typeof areas.$inferSelect;
type OrgRow = typeof organisations.$inferSelect;

async function ensureArea(db: DbOrTx, row: typeof areas.$inferInsert): Promise<AreaRow> {
  const [r] = await db.insert(areas).values(row).onConflictDoNothing().returning();
  if (r) return r;
  return (await db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, row.code) }))!;
}

/** A fresh district under test province 99, with its province and city, so tests never collide. */
export async function buildDistrict(db: DbOrTx, name = '测试区'): Promise<AreaRow> {
  await ensureArea(db, { code: '990000', name: '测试省', level: 'province', parentCode: null, prefix: '99' });
  const city = String(randomInt(1, 99)).padStart(2, '0');
  await ensureArea(db, { code: `99${city}00`, name: '测试市', level: 'city', parentCode: '990000', prefix: `99${city}` });
  for (;;) {
    const code = `99${city}${String(randomInt(1, 99)).padStart(2, '0')}`;
    const [r] = await db
      .insert(areas)
      .values({ code, name, level: 'district', parentCode: `99${city}00`, prefix: code })
      .onConflictDoNothing()
      .returning();
    if (r) return r;
  }
}

export async function buildStreet(db: DbOrTx, o: { district?: AreaRow; name?: string } = {}): Promise<AreaRow> {
  const district = o.district ?? (await buildDistrict(db));
  for (let n = 1; ; n++) {
    const code = `${district.code}${String(n).padStart(3, '0')}`;
    const [r] = await db
      .insert(areas)
      .values({ code, name: o.name ?? `测试街道${n}`, level: 'street', parentCode: district.code, prefix: code })
      .onConflictDoNothing()
      .returning();
    if (r) return r;
  }
}

export async function buildCommunity(db: DbOrTx, o: { street?: AreaRow; name?: string } = {}): Promise<AreaRow> {
  const street = o.street ?? (await buildStreet(db));
  for (let n = 1; ; n++) {
    const code = `${street.code}${String(n).padStart(3, '0')}`;
    const [r] = await db
      .insert(areas)
      .values({ code, name: o.name ?? `测试社区${n}`, level: 'community', parentCode: street.code, prefix: code })
      .onConflictDoNothing()
      .returning();
    if (r) return r;
  }
}

export async function buildGrid(db: DbOrTx, o: { community?: AreaRow } = {}): Promise<AreaRow> {
  const community = o.community ?? (await buildCommunity(db));
  for (let n = 1; ; n++) {
    const code = `${community.code}${String(n).padStart(3, '0')}`;
    const [r] = await db
      .insert(areas)
      .values({ code, name: `${community.name}第${n}网格`, level: 'grid', parentCode: community.code, prefix: code })
      .onConflictDoNothing()
      .returning();
    if (r) return r;
  }
}

export async function buildPark(db: DbOrTx, o: { street?: AreaRow; name?: string } = {}) {
  const street = o.street ?? (await buildStreet(db));
  const [r] = await db
    .insert(parks)
    .values({ name: o.name ?? `${street.name}工业园`, areaCode: street.code })
    .returning();
  return r!;
}

export async function buildOrg(
  db: DbOrTx,
  o: { area?: AreaRow; kind?: OrgKind; name?: string; sectors?: Sector[]; parkId?: string | null; parentId?: string | null } = {},
): Promise<OrgRow> {
  const area = o.area ?? (await buildDistrict(db));
  const [r] = await db
    .insert(organisations)
    .values({
      name: o.name ?? `${area.name}应急管理机构`,
      kind: o.kind ?? 'bureau',
      areaCode: area.code,
      sectors: o.sectors ?? [],
      parkId: o.parkId ?? null,
      parentId: o.parentId ?? null,
    })
    .returning();
  return r!;
}

let userSeq = 0;
export async function buildUser(
  db: DbOrTx,
  o: {
    role: Role;
    org?: OrgRow | null;
    enterpriseId?: string | null;
    username?: string;
    displayName?: string;
    password?: string;
    argon2?: Argon2Params;
    /** A hash of `password` made once for several accounts (the demo's shared, published password). */
    passwordHash?: string;
    status?: 'active' | 'disabled';
    enforcementCertNo?: string | null;
  },
) {
  const password = o.password ?? 'Test-Passw0rd!';
  const username = o.username ?? `u${Date.now().toString(36)}${(userSeq++).toString(36)}${randomInt(1000)}`;
  const org = o.org === undefined && o.role !== 'public' && !o.enterpriseId ? await buildOrg(db) : (o.org ?? null);
  const [r] = await db
    .insert(users)
    .values({
      username,
      displayName: o.displayName ?? username,
      passwordHash: o.passwordHash ?? (await hashPassword(password, o.argon2 ?? fastArgon2)),
      role: o.role,
      orgId: org?.id ?? null,
      enterpriseId: o.enterpriseId ?? null,
      status: o.status ?? 'active',
      enforcementCertNo: o.enforcementCertNo ?? null,
    })
    .returning();
  return { ...r!, password };
}

/** A valid, random 统一社会信用代码 of an enterprise registered in 龙岗区 (91 440307 …). */
export function randomCreditCode(prefix = '91440307'): string {
  let subject = '';
  for (let i = 0; i < 9; i++) subject += CREDIT_CODE_CHARSET[randomInt(31)];
  return completeCreditCode(prefix + subject);
}

let enterpriseSeq = 0;
/** An enterprise in `area` (default: a fresh community with its street and district). */
export async function buildEnterprise(db: DbOrTx, o: Partial<typeof enterprises.$inferInsert> & { area?: AreaRow; street?: AreaRow } = {}) {
  const { area: givenArea, street, ...values } = o;
  const area = givenArea ?? (await buildCommunity(db, { street }));
  const n = ++enterpriseSeq;
  const [r] = await db
    .insert(enterprises)
    .values({
      name: `测试${n}号五金制品有限公司`,
      creditCode: randomCreditCode(),
      unitType: 'enterprise',
      address: `${area.name}测试路${n}号`,
      areaCode: area.code,
      sector: 'machinery',
      ...values,
    })
    .returning();
  return r!;
}
