// Tests of the audit log itself write entries under codes of their own ('test.fill', 'probe.go' …), outside the
// registry of codes the platform writes (packages/contracts/src/audit-labels.ts), so each finds exactly its entries.
import type { AuditAction, AuditEntityType } from '@anjian/contracts';

export const testAction = (code: string) => code as AuditAction;
export const testEntity = (type: string) => type as AuditEntityType;
