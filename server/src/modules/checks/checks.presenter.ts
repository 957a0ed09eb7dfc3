// Check tasks, items and templates → API shapes (whitelists) with abilities. A task's `missed` state is derived
// here from the due date, never stored.
import { can, type CheckTask, type CheckTaskItem, type CheckTemplate } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { cstIso } from '../../platform/time';
import { isRiskLevel } from '../../reference/risk/levels';
import type { ItemRow, TaskRow, TemplateItemRow, TemplateRow } from './checks.queries';
import { checkTaskAbilities } from './checks.workflow';

export function taskState(row: Pick<TaskRow, 'state' | 'dueDate'>, today: string): CheckTask['state'] {
  if (row.state === 'done') return 'done';
  return row.dueDate < today ? 'missed' : 'pending';
}

export function presentTask(actor: Actor, row: TaskRow, today: string): CheckTask {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    level: row.level as CheckTask['level'],
    frequency: row.frequency as CheckTask['frequency'],
    periodStart: row.periodStart,
    dueDate: row.dueDate,
    state: taskState(row, today),
    doneAt: row.doneAt ? cstIso(row.doneAt) : null,
    doneByName: row.doneByName,
    itemCount: row.itemCount,
    failedCount: row.failedCount,
    abilities: checkTaskAbilities(actor, { ...row, today }),
  };
}

export function presentItem(row: ItemRow): CheckTaskItem {
  return {
    id: row.id,
    source: row.measureId ? 'measure' : 'template',
    content: row.content,
    basis: row.basis,
    unitName: row.unitName,
    eventName: row.eventName,
    riskLevel: isRiskLevel(row.riskLevel) ? row.riskLevel : null,
    result: row.result as CheckTaskItem['result'],
    note: row.note,
    photoId: row.photoId,
    hazardId: row.hazardId,
  };
}

export function presentTemplate(actor: Actor, row: TemplateRow, items: TemplateItemRow[]): CheckTemplate {
  return {
    id: row.id,
    name: row.name,
    sector: row.sector as CheckTemplate['sector'],
    hazardTag: row.hazardTag as CheckTemplate['hazardTag'],
    checkLevel: row.checkLevel as CheckTemplate['checkLevel'],
    active: row.active,
    items: items.filter((i) => i.templateId === row.id).map((i) => ({ id: i.id, content: i.content, basis: i.basis })),
    updatedAt: cstIso(row.updatedAt),
    version: row.version,
    abilities: can(actor.role, 'risk.manageTemplates') ? ['update', 'delete'] : [],
  };
}
