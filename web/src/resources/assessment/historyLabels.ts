// The score sheet's history in words: each step by its label (creating the sheet and entering a value, which are not
// among the sheet's actions, too) and the statuses it moved between, in the caller's language; an unknown code as it is.
import { sheetActionLabels, sheetStatusLabels, type Bilingual } from '@anjian/contracts';

const stepLabels: Record<string, Bilingual> = {
  create: { zh: '生成考核表', en: 'Sheet created' },
  enter: { zh: '填报指标值', en: 'Value entered' },
  ...sheetActionLabels,
};
const statusLabels: Record<string, Bilingual> = sheetStatusLabels;

/** "公布 草稿 → 已公布": the step, then the status change where there is one (entering a value leaves it as it is). */
export function sheetHistoryStep(h: { action: string; from: string | null; to: string }, label: (b: Bilingual) => string): string {
  const word = (table: Record<string, Bilingual>, code: string) => (table[code] ? label(table[code]) : code);
  const step = word(stepLabels, h.action);
  return h.from && h.from !== h.to ? `${step} ${word(statusLabels, h.from)} → ${word(statusLabels, h.to)}` : step;
}
