// Labels the reward pages share (the accident levels' names as 493号 gives them).
import type { AccidentLevelKey } from '@anjian/contracts';

export const accidentLevelLabels: Record<AccidentLevelKey, { zh: string; en: string }> = {
  general: { zh: '一般事故', en: 'General' },
  larger: { zh: '较大事故', en: 'Larger' },
  major: { zh: '重大事故', en: 'Major' },
  especially_major: { zh: '特别重大事故', en: 'Especially major' },
};

export const yuan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`);
export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
