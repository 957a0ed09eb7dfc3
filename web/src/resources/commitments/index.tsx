export { CommitmentPage } from './CommitmentPage';
export { CommitmentTexts } from './CommitmentTexts';
export { DutiesPage, EnterpriseDuties } from './DutiesPage';
export { PublicCommitment } from './PublicCommitment';
