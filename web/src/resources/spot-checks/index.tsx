// 抽查 of certificate holders: the draws and, on the phone, each sampled holder's outcome.
export { SpotChecksPage } from './SpotChecksPage';
