// POST …/detections: a workplace detection report (检测报告) with pass/fail per factor; the latest one sets the next
// detection due date (occupational-health.rules.ts detectionDue, annual by default). A report number is recorded once.
import type { DetectionBody } from '@anjian/contracts';
import { and, eq } from 'drizzle-orm';
import { ohDetections } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { detectionDue } from '../occupational-health.rules';
import { onProfile, type OhContext } from './context';

export function recordDetection(db: Db, ctx: OhContext, enterpriseId: string, input: DetectionBody) {
  return onProfile(db, ctx, enterpriseId, input.version, 'oh_profile.detect', async (tx, p, today) => {
    if (input.detectedOn > today) throw fieldError('detectedOn', '检测日期不能晚于今天', 'The detection date is in the future');
    const [dup] = await tx
      .select({ id: ohDetections.id })
      .from(ohDetections)
      .where(and(eq(ohDetections.enterpriseId, enterpriseId), eq(ohDetections.reportNo, input.reportNo)));
    if (dup) throw new AppError('CONFLICT', [{ field: 'reportNo', zh: '该检测报告已登记', en: 'This report is already recorded' }]);
    const passed = input.results.every((r) => r.passed);
    await tx.insert(ohDetections).values({
      enterpriseId,
      areaCode: p.areaCode,
      sector: p.sector,
      parkId: p.parkId,
      reportNo: input.reportNo,
      agency: input.agency,
      detectedOn: input.detectedOn,
      results: input.results,
      passed,
      createdBy: ctx.actor.id,
    });
    const latest = p.lastDetectionOn === null || input.detectedOn >= p.lastDetectionOn;
    return {
      patch: latest
        ? { lastDetectionOn: input.detectedOn, lastDetectionPassed: passed, nextDetectionDue: detectionDue(input.detectedOn) }
        : {},
      detail: { reportNo: input.reportNo, passed },
    };
  });
}
