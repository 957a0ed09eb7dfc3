// A grid unit's risk level as the four-level key the risk screens show. enterprises.risk_level is mirrored from the
// risk summary as a level key (major … low), while older grid data holds the colour (red … blue); either is read.
import { riskLevelKeys, type RiskLevelKey } from '@anjian/contracts';

const byColour: Record<string, RiskLevelKey> = { red: 'major', orange: 'significant', yellow: 'general', blue: 'low' };

export function unitRiskLevel(value: string | null): RiskLevelKey | null {
  if (!value) return null;
  if ((riskLevelKeys as readonly string[]).includes(value)) return value as RiskLevelKey;
  return byColour[value] ?? null;
}
