// 行政处罚 page: the case list, and for the district bureau the deployment's penalty-procedure settings below it.
import { Space } from 'antd';
import { useAuth } from '../../app/auth';
import { CaseList } from './CaseList';
import { EnforcementSettingsCard } from './EnforcementSettingsCard';

export function PenaltiesPage() {
  const { can } = useAuth();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <CaseList />
      {can('enforcement.manageSettings') && <EnforcementSettingsCard />}
    </Space>
  );
}
