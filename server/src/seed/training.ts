// Demo training and exams: the district's lecturer pool, a small question bank and one paper every enterprise of
// 龙岗 may take; in 龙城街道 last month's training day held with 宏达五金's principal and safety manager attending
// (their hours credited through the same aggregate refresh the commands use) and next month's planned; 宏达五金's own
// 三级教育 session. Written directly (demo data, no audit entries), so every training page shows something.
import { eq } from 'drizzle-orm';
import { examPapers, examQuestions, people, trainingAttendance, trainingLecturers, trainingSessions } from '../db/schema';
import type { Tx } from '../platform/db';
import { addMonths, cstDate } from '../platform/time';
import { refreshHours } from '../modules/training/training.queries';
import { trainingCalendarOf } from '../modules/training/training.rules';

// A year the holiday calendar does not know yet (next January, in December) shows its nominal Friday, as the page does.
const dayOf = (date: string) => trainingCalendarOf(Number(date.slice(0, 4))).days[Number(date.slice(5, 7)) - 1]!.date;

const DISTRICT = '440307';

const bank: { topic: string; type: 'single' | 'multiple' | 'true_false'; stem: string; options: string[]; answer: number[] }[] = [
  {
    topic: '安全生产法规',
    type: 'true_false',
    stem: '生产经营单位的主要负责人对本单位的安全生产工作全面负责。',
    options: ['正确', '错误'],
    answer: [0],
  },
  {
    topic: '安全生产法规',
    type: 'true_false',
    stem: '特种作业人员经单位内部培训即可上岗作业，无需取得证书。',
    options: ['正确', '错误'],
    answer: [1],
  },
  {
    topic: '安全生产法规',
    type: 'true_false',
    stem: '从业人员发现直接危及人身安全的紧急情况时，有权停止作业。',
    options: ['正确', '错误'],
    answer: [0],
  },
  {
    topic: '安全生产法规',
    type: 'single',
    stem: '一般行业生产经营单位主要负责人初次安全培训时间不得少于多少学时？',
    options: ['12学时', '24学时', '32学时', '48学时'],
    answer: [2],
  },
  {
    topic: '安全生产法规',
    type: 'single',
    stem: '特种作业操作证的有效期为几年？',
    options: ['3年', '4年', '6年', '10年'],
    answer: [2],
  },
  {
    topic: '安全生产法规',
    type: 'single',
    stem: '危险化学品生产单位主要负责人每年再培训时间不得少于多少学时？',
    options: ['8学时', '12学时', '16学时', '20学时'],
    answer: [2],
  },
  {
    topic: '危险作业',
    type: 'multiple',
    stem: '有限空间作业应当遵循的原则包括：',
    options: ['先通风', '再检测', '后作业', '边作业边通风即可不检测'],
    answer: [0, 1, 2],
  },
  {
    topic: '危险作业',
    type: 'multiple',
    stem: '动火作业前应当做到：',
    options: ['办理动火作业审批', '清除周边可燃物', '配备灭火器材', '无需专人监护'],
    answer: [0, 1, 2],
  },
];

export async function seedDemoTraining(tx: Tx, longchengCode: string, hongdaId: string): Promise<void> {
  const today = cstDate();
  const [lecturer] = await tx
    .insert(trainingLecturers)
    .values([
      { areaCode: DISTRICT, name: '陈国栋', title: '高级工程师', specialty: '危险化学品', organisation: '区安全生产专家组' },
      { areaCode: DISTRICT, name: '林晓梅', title: '注册安全工程师', specialty: '有限空间与动火作业', organisation: '区应急管理局' },
    ])
    .returning();
  await tx.insert(examQuestions).values(bank.map((q) => ({ ...q, areaCode: DISTRICT })));
  await tx.insert(examPapers).values({
    areaCode: DISTRICT,
    title: '主要负责人和安全管理人员安全生产知识考试',
    rules: [
      { topic: '安全生产法规', type: 'true_false', count: 2, points: 10 },
      { topic: '安全生产法规', type: 'single', count: 2, points: 20 },
      { topic: '危险作业', type: 'multiple', count: 1, points: 40 },
    ],
    durationMinutes: 20,
    passMark: 60,
    maxAttempts: 3,
    hours: 4,
  });
  const lastMonth = addMonths(today, -1);
  const held = dayOf(lastMonth);
  const nextMonth = addMonths(today, 1);
  const next = dayOf(nextMonth);
  const [done] = await tx
    .insert(trainingSessions)
    .values([
      {
        areaCode: longchengCode,
        title: '安全生产培训日：危险作业管理',
        kind: 'refresher',
        hours: 8,
        lecturerId: lecturer!.id,
        lecturerName: lecturer!.name,
        date: held,
        mode: 'onsite',
        place: '龙城街道安全管理人员活动园地',
        status: 'completed',
      },
      {
        areaCode: longchengCode,
        title: '安全生产培训日：有限空间作业',
        kind: 'refresher',
        hours: 4,
        lecturerName: '林晓梅',
        date: next,
        mode: 'online',
      },
    ])
    .returning();
  const staff = await tx.select().from(people).where(eq(people.enterpriseId, hongdaId));
  const managers = staff.filter((p) => p.post === 'principal' || p.post === 'safety_manager');
  if (managers.length) {
    await tx.insert(trainingAttendance).values(
      managers.map((p) => ({
        sessionId: done!.id,
        personId: p.id,
        enterpriseId: p.enterpriseId,
        areaCode: p.areaCode,
        sector: p.sector,
        parkId: p.parkId,
      })),
    );
    await refreshHours(
      tx,
      managers.map((p) => p.id),
      Number(held.slice(0, 4)),
      today,
    );
  }
  if (staff[0]) {
    await tx.insert(trainingSessions).values({
      areaCode: staff[0].areaCode,
      sector: staff[0].sector,
      parkId: staff[0].parkId,
      enterpriseId: hongdaId,
      title: '新员工三级安全教育',
      kind: 'three_level',
      hours: 24,
      date: today,
      mode: 'onsite',
      place: '宏达五金培训室',
    });
  }
}
