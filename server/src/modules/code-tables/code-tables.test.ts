// Every code the contracts can carry has a label in the one table the web reads, in both languages.
import { describe, expect, it } from 'vitest';
import {
  auditActionLabels,
  auditEntityLabels,
  caseActions,
  caseStatuses,
  deadlineUnits,
  documentKinds,
  hazardActionKeys,
  hazardGradeKeys,
  hazardSourceKeys,
  hazardStateKeys,
  inspectionKinds,
  roles,
  sectors,
} from '@anjian/contracts';
import { codeTables } from './code-tables';

const cases: [string, readonly string[]][] = [
  ['caseStatus', caseStatuses],
  ['caseAction', [...caseActions, 'file', 'decide_on_the_spot']],
  ['inspectionKind', inspectionKinds],
  ['documentKind', documentKinds],
  ['hazardGrade', hazardGradeKeys],
  ['hazardSource', hazardSourceKeys],
  ['hazardState', hazardStateKeys],
  ['hazardAction', [...hazardActionKeys, 'list', 'report_progress', 'delist', 'regrade', 'report']],
  ['deadlineUnit', deadlineUnits],
  ['role', roles],
  ['sector', sectors],
  ['auditAction', Object.keys(auditActionLabels)],
  ['auditEntity', Object.keys(auditEntityLabels)],
];

describe('code tables', () => {
  it.each(cases)('%s labels every code in Chinese and English', (table, codes) => {
    const labels = codeTables()[table]!;
    for (const code of codes) {
      expect(labels[code]?.zh, `${table}.${code}`).toMatch(/\p{Script=Han}/u);
      expect(labels[code]?.en, `${table}.${code}`).toMatch(/[A-Za-z]/);
    }
  });
  it('names a case step as the procedure table does (one wording, e.g. 法制审核通过, 作出处罚决定)', () => {
    expect(codeTables().caseAction!.approve_review!.zh).toBe('法制审核通过');
    expect(codeTables().caseAction!.decide!.zh).toBe('作出处罚决定');
  });
  it("names a timeline's fields as headings in English, the workflow's evidence fields too", () => {
    const fields = codeTables().hazardEventField!;
    expect(fields.deadline!.en).toBe('Deadline');
    expect(fields.responsiblePerson!.en).toBe('Responsible person');
    for (const [key, l] of Object.entries(fields)) expect(l.en, key).toMatch(/^[A-Z]/);
  });
});
