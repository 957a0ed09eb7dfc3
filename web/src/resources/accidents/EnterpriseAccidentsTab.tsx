// The enterprise file's accident tab: the accidents naming this enterprise, newest first.
import type { Enterprise } from '@anjian/contracts';
import { AccidentList } from './AccidentList';

export interface EnterpriseAccidentsTabProps {
  enterprise: Enterprise;
}

export function EnterpriseAccidentsTab({ enterprise }: EnterpriseAccidentsTabProps) {
  return <AccidentList fixed={{ enterpriseId: enterprise.id }} compact />;
}
