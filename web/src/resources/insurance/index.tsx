// 安责险 and 安全生产标准化 screens: the officers' coverage and standardization pages and the enterprise file's tabs.
export { InsurancePage } from './InsurancePage';
export { StandardizationPage } from './StandardizationPage';
export { EnterpriseInsuranceTab } from './EnterpriseInsuranceTab';
export { EnterpriseStandardizationTab } from './EnterpriseStandardizationTab';
export { MandatorySettingsPage } from './MandatorySettings';
