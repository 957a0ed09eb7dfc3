// Labels of every code table, from the server (GET /api/code-tables) — the web keeps no label lists of its own.
import { useQuery } from '@tanstack/react-query';
import type { Bilingual } from '@anjian/contracts';
import { useI18n } from '../app/i18n';
import { call } from './client';

export function useCodeTables() {
  const { label: pick } = useI18n();
  const q = useQuery({ queryKey: ['GET /api/code-tables'], queryFn: () => call('GET /api/code-tables'), staleTime: Infinity });
  const tables = q.data;
  /** The label of a code in the current language; the code itself while the tables load or for an unknown code. */
  const label = (table: string, code: string | null | undefined): string => {
    if (code === null || code === undefined || code === '') return '';
    return pick(tables?.[table]?.[code]) || code;
  };
  const bilingual = (table: string, code: string): Bilingual | undefined => tables?.[table]?.[code];
  /** Select options of a table, in the table's order. */
  const options = (table: string) => Object.entries(tables?.[table] ?? {}).map(([value, b]) => ({ value, label: pick(b) }));
  return { ready: !!tables, label, bilingual, options, tables };
}
