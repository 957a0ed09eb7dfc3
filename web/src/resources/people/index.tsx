// 持证 screens: an enterprise's own people and certificates, and the officers' 持证管理 (expiry list and rates).
export { PeopleManage } from './PeopleManage';
export { CertificatesPage } from './CertificatesPage';
export { EnterprisePeopleTab } from './EnterprisePeopleTab';
