// 宣传覆盖 screens: officers' campaigns with coverage and the unreached list; the enterprise's phone-first receipts.
export { PublicityPage } from './PublicityPage';
export { ReceiptsPage } from './ReceiptsPage';
