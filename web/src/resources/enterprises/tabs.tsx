// Tabs that other capabilities add to the enterprise file. Each capability registers its own tab.
import type { ReactNode } from 'react';
import type { Bilingual, Enterprise } from '@anjian/contracts';
import { EnterpriseHazardsTab } from '../hazards/EnterpriseHazardsTab';
import { EnterpriseAccidentsTab } from '../accidents/EnterpriseAccidentsTab';
import { RiskRegister } from '../risks/RiskRegister';
import { EnterpriseInspectionsTab, EnterprisePenaltiesTab } from '../enforcement';
import { EnterprisePeopleTab } from '../people/EnterprisePeopleTab';
import { EnterpriseCreditTab } from '../credit/EnterpriseCreditTab';
import { EnterpriseCommitmentTab } from '../commitments/EnterpriseCommitmentTab';
import { EnterpriseTrainingTab } from '../training/EnterpriseTrainingTab';
import { EnterpriseInsuranceTab } from '../insurance/EnterpriseInsuranceTab';
import { EnterpriseStandardizationTab } from '../insurance/EnterpriseStandardizationTab';
import { ResponsibilityList } from '../responsibility/ResponsibilityList';
import { EnterpriseOhTab } from '../occupational-health/EnterpriseOhTab';

export interface EnterpriseTab {
  key: string;
  label: Bilingual;
  render(e: Enterprise): ReactNode;
}

export const enterpriseTabs: EnterpriseTab[] = [
  { key: 'risks', label: { zh: '风险分级', en: 'Risks' }, render: (e) => <RiskRegister enterpriseId={e.id} embedded /> },
  { key: 'hazards', label: { zh: '隐患排查', en: 'Hidden dangers' }, render: (e) => <EnterpriseHazardsTab enterprise={e} /> },
  { key: 'inspections', label: { zh: '执法检查', en: 'Inspections' }, render: (e) => <EnterpriseInspectionsTab enterprise={e} /> },
  { key: 'penalties', label: { zh: '行政处罚', en: 'Penalties' }, render: (e) => <EnterprisePenaltiesTab enterprise={e} /> },
  { key: 'accidents', label: { zh: '事故', en: 'Accidents' }, render: (e) => <EnterpriseAccidentsTab enterprise={e} /> },
  { key: 'credit', label: { zh: '信用', en: 'Credit' }, render: (e) => <EnterpriseCreditTab enterprise={e} /> },
  {
    key: 'commitments',
    label: { zh: '承诺与八个一次', en: 'Commitment and duties' },
    render: (e) => <EnterpriseCommitmentTab enterprise={e} />,
  },
  {
    key: 'certificates',
    label: { zh: '持证情况', en: 'Certificates' },
    render: (e) => <EnterprisePeopleTab enterprise={e} />,
  },
  { key: 'training', label: { zh: '培训', en: 'Training' }, render: (e) => <EnterpriseTrainingTab enterprise={e} /> },
  { key: 'insurance', label: { zh: '安责险', en: 'Insurance' }, render: (e) => <EnterpriseInsuranceTab enterprise={e} /> },
  {
    key: 'standardization',
    label: { zh: '标准化', en: 'Standardization' },
    render: (e) => <EnterpriseStandardizationTab enterprise={e} />,
  },
  {
    key: 'responsibility',
    label: { zh: '责任清单', en: 'Responsibility list' },
    render: (e) => <ResponsibilityList enterpriseId={e.id} />,
  },
  {
    key: 'occupational-health',
    label: { zh: '职业健康', en: 'Occupational health' },
    render: (e) => <EnterpriseOhTab enterprise={e} />,
  },
];
