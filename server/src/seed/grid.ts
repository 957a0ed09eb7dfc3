// Demo 网格巡查 for the demo grid inspector (user `grid`, the first grid of 龙城街道): four named units in the grid —
// one visited 10 days ago and now overdue (red), one visited twice and up to date (yellow), a key unit due within
// days, one never visited — plus one information report to the street and one unit registered on patrol awaiting the
// street. Replayed through the real commands, so the summary and the coverage aggregates are what visits make them.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { areas } from '../db/schema';
import type { Tx } from '../platform/db';
import { recordVisitIn } from '../modules/grid/commands/record-visit';
import { writeRegistration } from '../modules/grid/grid.workflow';
import { buildEnterprise } from './factories';
import { demoActor } from './hazards';
import { completeCreditCode } from '../reference/credit-code';

const DAY = 86_400_000;

export async function seedDemoGrid(tx: Tx): Promise<void> {
  const grid = await demoActor(tx, 'grid');
  if (!grid.areaCode) return;
  const [area] = await tx.select().from(areas).where(eq(areas.code, grid.areaCode));
  const unit = (n: number, name: string, o: { riskLevel: string | null; isKey?: boolean }) =>
    buildEnterprise(tx, {
      area: area!,
      name,
      creditCode: completeCreditCode(`91440307MA5GRD00${n}`),
      address: `深圳市龙岗区龙城街道${area!.name}吉祥路 ${10 + n} 号`,
      longitude: 114.2431 + n * 0.0012,
      latitude: 22.7232 + n * 0.0008,
      sector: 'commerce',
      riskLevel: o.riskLevel,
      isKey: o.isKey ?? false,
    });
  const overdue = await unit(1, '深圳市龙岗区吉祥塑料制品厂', { riskLevel: 'major' });
  const upToDate = await unit(2, '深圳市龙岗区龙城鑫源小食店', { riskLevel: 'general' });
  const dueSoon = await unit(3, '深圳市龙岗区恒泰电子有限公司', { riskLevel: 'low', isKey: true });
  await unit(4, '深圳市龙岗区佳美服装加工部', { riskLevel: null });
  const visit = async (enterpriseId: string, daysAgo: number, extra: Record<string, unknown> = {}) => {
    const at = new Date(Date.now() - daysAgo * DAY);
    const e = await tx.query.enterprises.findFirst({ where: (x, { eq }) => eq(x.id, enterpriseId) });
    await recordVisitIn(tx, grid, null, {
      id: randomUUID(),
      enterpriseId,
      checkedInAt: at.toISOString(),
      lon: e!.longitude! + 0.0002,
      lat: e!.latitude! - 0.0001,
      checklist: { licence: 'ok', exits: 'ok', fire_equipment: 'ok', electrics: 'ok' },
      ...extra,
    });
  };
  await visit(overdue.id, 10, {
    checklist: { licence: 'ok', exits: 'problem', fire_equipment: 'ok', dormitory: 'problem' },
    notes: '劝导业主清理安全出口堆放的原料，制止在车间内住宿，已当场整改出口。',
    infoReports: [{ kind: 'changed_use', description: '二楼原仓库改作员工宿舍，与车间未有效分隔（三合一）。' }],
  });
  await visit(upToDate.id, 25);
  await visit(upToDate.id, 2, { notes: '燃气管道软管老化，已劝导更换。' });
  await visit(dueSoon.id, 13);
  await writeRegistration(tx, grid, null, 'register', {
    create: {
      areaCode: grid.areaCode,
      name: '无招牌五金加工点',
      address: `深圳市龙岗区龙城街道${area!.name}吉祥路 30 号一楼`,
      businessDescription: '约 6 人，冲压和打磨，未见营业执照',
      principalName: '李某',
      lon: 114.2502,
      lat: 22.7251,
      registeredBy: grid.id,
    },
  });
}
