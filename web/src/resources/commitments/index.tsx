export { CommitmentPage } from './CommitmentPage';
export { DutiesPage, EnterpriseDuties } from './DutiesPage';
export { PublicCommitment } from './PublicCommitment';
