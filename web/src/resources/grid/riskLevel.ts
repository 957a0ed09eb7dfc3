// A grid unit's risk level as the four-level key the risk screens show: enterprises.risk_level is mirrored from the
// risk summary as a level key (major … low); anything else (none, or a value from elsewhere) shows no tag, never a raw
// code.
import { riskLevelKeys, type RiskLevelKey } from '@anjian/contracts';

export function unitRiskLevel(value: string | null): RiskLevelKey | null {
  return value && (riskLevelKeys as readonly string[]).includes(value) ? (value as RiskLevelKey) : null;
}
