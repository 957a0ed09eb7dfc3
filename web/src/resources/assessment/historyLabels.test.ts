// The score sheet's history shows words, not codes: steps and statuses by their labels, in the caller's language.
import { describe, expect, it } from 'vitest';
import type { Bilingual } from '@anjian/contracts';
import { sheetHistoryStep } from './historyLabels';

const zh = (b: Bilingual) => b.zh;
const en = (b: Bilingual) => b.en;

describe('sheetHistoryStep', () => {
  it('names the step and the statuses it moved between', () => {
    expect(sheetHistoryStep({ action: 'publish', from: 'draft', to: 'published' }, zh)).toBe('公布 草稿 → 已公布');
    expect(sheetHistoryStep({ action: 'object', from: 'published', to: 'objection' }, en)).toBe(
      'Raise objection Published → Objection raised',
    );
  });

  it('names the steps that are not sheet actions, without a change of status where there is none', () => {
    expect(sheetHistoryStep({ action: 'create', from: null, to: 'draft' }, zh)).toBe('生成考核表');
    expect(sheetHistoryStep({ action: 'enter', from: 'draft', to: 'draft' }, zh)).toBe('填报指标值');
    expect(sheetHistoryStep({ action: 'enter', from: 'draft', to: 'draft' }, en)).toBe('Value entered');
  });

  it('shows an unknown code as it is', () => {
    expect(sheetHistoryStep({ action: 'recompute', from: 'draft', to: 'limbo' }, zh)).toBe('recompute 草稿 → limbo');
  });
});
