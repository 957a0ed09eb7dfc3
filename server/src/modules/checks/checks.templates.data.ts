// Starter checklist templates (seeded in the demo; a district edits or replaces them). Items are plain-language
// check questions that paraphrase the named documents — not verbatim quotations — so `basis` names the document
// only, never an article number that was not verified.
import type { CheckTemplateBody } from '@anjian/contracts';
import { checkTemplateItems, checkTemplates } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';

const DUST_RULES = '《工贸企业粉尘防爆安全规定》(应急管理部令第6号)；GB 15577-2018《粉尘防爆安全规程》';
const AMMONIA_RULES = 'GB 28009-2011《冷库安全规程》；《工贸企业重大事故隐患判定标准》(应急管理部令第10号)';
const CONFINED_RULES = '《工贸企业有限空间作业安全规定》(应急管理部令第13号)';

export const starterTemplates: CheckTemplateBody[] = [
  {
    name: '粉尘涉爆企业专项检查表',
    hazardTag: 'combustible_dust',
    checkLevel: 'department',
    items: [
      { content: '除尘系统按规定采取泄爆、隔爆、抑爆等防爆措施，设施完好有效', basis: DUST_RULES },
      { content: '除尘器、风管及粉尘作业设备可靠接地，无破损、无积尘', basis: DUST_RULES },
      { content: '按规定频次清理作业场所、设备设施积尘，清扫记录完整', basis: DUST_RULES },
      { content: '粉尘爆炸危险场所内电气设备、照明符合防爆要求', basis: DUST_RULES },
      { content: '铝镁等金属粉尘湿式除尘设施有防止氢气积聚的措施', basis: DUST_RULES },
      { content: '作业人员穿戴防静电工作服，未携带火种进入作业区', basis: DUST_RULES },
    ],
  },
  {
    name: '涉氨制冷企业专项检查表',
    hazardTag: 'ammonia_refrigeration',
    checkLevel: 'department',
    items: [
      { content: '液氨储罐、管道、阀门无泄漏，压力表、安全阀在检定有效期内', basis: AMMONIA_RULES },
      { content: '氨气浓度报警装置运行正常，并与事故排风机联动', basis: AMMONIA_RULES },
      { content: '包装间、分割间等人员较多场所的空调系统未采用氨直接蒸发制冷', basis: AMMONIA_RULES },
      { content: '快速冻结装置设置在单独作业间内，作业间内作业人员不超过9人', basis: AMMONIA_RULES },
      { content: '正压式空气呼吸器、防化服等应急救援器材配备齐全、完好有效', basis: AMMONIA_RULES },
    ],
  },
  {
    name: '有限空间作业专项检查表',
    hazardTag: 'confined_space',
    checkLevel: 'department',
    items: [
      { content: '有限空间辨识清单完整，入口设置明显的安全警示标志', basis: CONFINED_RULES },
      { content: '作业前履行审批，坚持"先通风、再检测、后作业"', basis: CONFINED_RULES },
      { content: '气体检测报警仪、通风设备、呼吸防护用品配备齐全且完好', basis: CONFINED_RULES },
      { content: '作业期间设专人监护，监护人员未离开作业现场', basis: CONFINED_RULES },
      { content: '制定有限空间作业应急处置方案并按规定演练', basis: CONFINED_RULES },
    ],
  },
  {
    name: '通用安全检查表',
    checkLevel: 'department',
    items: [
      { content: '安全出口、疏散通道畅通，应急照明和疏散指示标志完好', basis: '《中华人民共和国消防法》' },
      { content: '灭火器等消防器材配置齐全，在有效期内', basis: '《中华人民共和国消防法》' },
      { content: '配电箱、电气线路无私拉乱接，漏电保护装置有效', basis: '《中华人民共和国安全生产法》' },
      { content: '特种作业人员持有效证件上岗', basis: '《特种作业人员安全技术培训考核管理规定》' },
      { content: '机械设备防护罩、急停装置齐全有效', basis: '《中华人民共和国安全生产法》' },
    ],
  },
];

/** Inserts the starter templates that are not there yet (by name), so running it twice adds nothing. */
export async function seedCheckTemplates(db: DbOrTx): Promise<number> {
  const existing = new Set((await db.select({ name: checkTemplates.name }).from(checkTemplates)).map((r) => r.name));
  let added = 0;
  for (const t of starterTemplates) {
    if (existing.has(t.name)) continue;
    const [row] = await db
      .insert(checkTemplates)
      .values({ name: t.name, sector: t.sector ?? null, hazardTag: t.hazardTag ?? null, checkLevel: t.checkLevel })
      .returning();
    await db
      .insert(checkTemplateItems)
      .values(t.items.map((i, sort) => ({ templateId: row!.id, content: i.content, basis: i.basis ?? null, sort })));
    added++;
  }
  return added;
}
