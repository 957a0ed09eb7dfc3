// Shared pieces of the risk screens: the reference data from the server (tables, bands, labels), the four-colour
// tag, and the live D / R → level computation the assessment form shows while the user picks values. The server
// recomputes and stores the level; this only previews it with the same deployment settings.
import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { AssessmentInput, RiskColourKey, RiskLevelKey, RiskReference } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { riskColours } from '../../features/map/colours';

/** The statutory four colours (红橙黄蓝) from the map palette, so screens, charts and the map agree. */
export const colourHex: Record<RiskColourKey, string> = {
  red: riskColours[0]!,
  orange: riskColours[1]!,
  yellow: riskColours[2]!,
  blue: riskColours[3]!,
};
export const levelColour: Record<RiskLevelKey, RiskColourKey> = { major: 'red', significant: 'orange', general: 'yellow', low: 'blue' };
export const noneColour = '#bfbfbf';

export function useRiskReference() {
  return useQuery({ queryKey: ['risk-reference'], queryFn: () => call('GET /api/risks/reference'), staleTime: 5 * 60_000 });
}

export interface RiskLevelTagProps {
  level: RiskLevelKey | null;
}

export function RiskLevelTag({ level }: RiskLevelTagProps) {
  const { t, label } = useI18n();
  const ref = useRiskReference();
  if (!level) return <Tag>{t('未评价', 'Not assessed')}</Tag>;
  const info = ref.data?.levels.find((l) => l.key === level);
  const colour = levelColour[level];
  return (
    <Tag color={colourHex[colour]} style={{ color: colour === 'yellow' ? '#000' : '#fff' }} data-testid={`level-${level}`}>
      {info ? label(info.label) : level}
    </Tag>
  );
}

export interface Preview {
  value: number;
  level: RiskLevelKey | null;
  degree?: string;
}

/** Same arithmetic as server/src/reference/risk: D from scaled integers, half-open edges as configured. */
export function previewAssessment(ref: RiskReference, input: Partial<AssessmentInput> | undefined): Preview | null {
  if (!input?.method) return null;
  if (input.method === 'lec') {
    const { l, e, c } = input as { l?: number; e?: number; c?: number };
    if (l === undefined || e === undefined || c === undefined) return null;
    const d = (Math.round(l * 10) * Math.round(e * 10) * Math.round(c)) / 100;
    const degrees = ['slight', 'possible', 'substantial', 'high', 'extreme'];
    let i = 0;
    for (const edge of ref.settings.lec.edges) if (edge.onEdge === 'lower' ? d > edge.value : d >= edge.value) i++;
    const degree = degrees[i]!;
    return { value: d, degree, level: ref.settings.lec.levelByDegree[degree] ?? null };
  }
  const { l, s } = input as { l?: number; s?: number };
  if (l === undefined || s === undefined) return null;
  const r = l * s;
  return { value: r, level: ref.settings.matrix.bands.find((b) => r >= b.min && r <= b.max)?.level ?? null };
}
