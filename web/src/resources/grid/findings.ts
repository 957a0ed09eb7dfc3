// Hidden dangers noted on a patrol visit are reported through the hazards route, which refuses a description shorter
// than the contracts' minimum: the form says so on the finding instead of leaving it out of what is sent.
import { hazardDescriptionMinLength } from '@anjian/contracts';

/** Whether the hazards route would refuse this description (too short once trimmed, blank included). */
export function findingTooShort(description: string): boolean {
  return description.trim().length < hazardDescriptionMinLength;
}
