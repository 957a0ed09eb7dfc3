// POST /api/training/sessions: a session is planned. An enterprise account plans its own (三级教育, internal refresher);
// an officer plans one for an enterprise in scope or for an area of its own (the street's monthly training day, a
// government staff course), the row carrying that area and, for an industry department, one of its sectors. The
// lecturer comes from the pool in scope or is named. Audited in the same transaction.
import type { CreateSessionBody } from '@anjian/contracts';
import { trainingSessions } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { inScope } from '../../../platform/scope';
import { auditSession, presentSessionDetail } from '../training.presenter';
import { findLecturer } from '../training.queries';
import type { TrainingContext } from './context';
import { findEnterpriseInScope } from '../../enterprises/enterprises.queries';

export async function createSession(db: Db, ctx: TrainingContext, input: CreateSessionBody) {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const enterpriseId = actor.scopeKind === 'enterprise' ? actor.enterpriseId : (input.enterpriseId ?? null);
    let scope: { areaCode: string; sector: string | null; parkId: string | null; enterpriseId: string | null };
    if (enterpriseId) {
      const e = await findEnterpriseInScope(tx, actor, enterpriseId);
      if (!e) throw fieldError('enterpriseId', '企业不存在或不在管辖范围内', 'No such enterprise in your jurisdiction');
      scope = { areaCode: e.areaCode, sector: e.sector, parkId: e.parkId, enterpriseId: e.id };
    } else {
      if (!input.areaCode) throw fieldError('areaCode', '请选择培训面向的区域', 'Choose the area the session is held for');
      scope = {
        areaCode: input.areaCode,
        sector: input.sector ?? null,
        parkId: actor.scopeKind === 'park' ? actor.parkId : null,
        enterpriseId: null,
      };
      if (actor.scopeKind === 'park' || !inScope(actor, scope)) {
        throw fieldError(
          'areaCode',
          '只能为本辖区（行业部门：本行业）安排培训',
          'Plan sessions only for your own jurisdiction (and sector)',
        );
      }
    }
    if (input.kind === 'government' && enterpriseId) {
      throw fieldError('kind', '监管人员培训不属于企业培训', 'Government staff training is not an enterprise session');
    }
    if (input.mode === 'onsite' && !input.place) throw fieldError('place', '现场培训请填写地点', 'Enter the place of an on-site session');
    let lecturerName = input.lecturerName ?? null;
    if (input.lecturerId) {
      const l = await findLecturer(tx, actor, input.lecturerId);
      if (!l) throw fieldError('lecturerId', '讲师不在师资库中', 'No such lecturer in the pool');
      lecturerName = l.name;
    }
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        ...scope,
        title: input.title,
        kind: input.kind,
        hours: input.hours,
        lecturerId: input.lecturerId ?? null,
        lecturerName,
        date: input.date,
        mode: input.mode,
        place: input.place ?? null,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'training_session.create',
      entityType: 'training_session',
      entityId: row!.id,
      after: auditSession(row!),
    });
    return presentSessionDetail(tx, actor, row!);
  });
}
