// 职业健康 screens: the enterprise file's tab and the officers' rate dashboard.
export { EnterpriseOhTab } from './EnterpriseOhTab';
export { OhRatesPage } from './OhRatesPage';
