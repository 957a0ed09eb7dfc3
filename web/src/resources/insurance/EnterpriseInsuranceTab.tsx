// The enterprise file's 安责险 tab: the enterprise's policies with their standing today, and the add/edit form for
// whoever may write them (the enterprise itself, officers in scope).
import { useState } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { policyStatusLabels, type Enterprise, type PolicyView } from '@anjian/contracts';
import { useList, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { PolicyForm } from './PolicyForm';
import { policyStatusColours, yuan } from './labels';

export function EnterpriseInsuranceTab({ enterprise }: { enterprise: Enterprise }) {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const refresh = useRefresh();
  const [editing, setEditing] = useState<PolicyView | 'new' | null>(null);
  const list = useList('GET /api/insurance/policies', { query: { enterpriseId: enterprise.id, pageSize: 50 } });
  const done = () => {
    setEditing(null);
    void refresh('GET /api/insurance/policies');
  };
  return (
    <Card size="small" title={t('安全生产责任保险', 'Safety liability insurance')} data-testid="insurance-tab">
      {can('insurance.write') && editing === null && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          {t('登记保单', 'Record a policy')}
        </Button>
      )}
      {editing !== null && (
        <Card size="small" style={{ marginBottom: 12 }} extra={<Button onClick={() => setEditing(null)}>{t('取消', 'Cancel')}</Button>}>
          <PolicyForm enterpriseId={enterprise.id} policy={editing === 'new' ? undefined : editing} onDone={done} />
        </Card>
      )}
      <ErrorDisplay error={list.error} />
      <Table<PolicyView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('暂无保险记录', 'No insurance records yet') }}
        columns={[
          { title: t('承保机构', 'Insurer'), dataIndex: 'insurer' },
          { title: t('保单号', 'Policy'), dataIndex: 'policyNo' },
          { title: t('保险期间', 'Period'), render: (_, p) => `${p.startsOn} ~ ${p.endsOn}` },
          { title: t('参保人数', 'Insured'), dataIndex: 'insuredPersons' },
          { title: t('保费', 'Premium'), render: (_, p) => yuan(p.premiumFen) },
          { title: t('浮动费率', 'Rate factor'), render: (_, p) => p.rateFactor.toFixed(2) },
          {
            title: t('状态', 'Status'),
            render: (_, p) => <Tag color={policyStatusColours[p.status]}>{label(policyStatusLabels[p.status])}</Tag>,
          },
          {
            title: '',
            render: (_, p) =>
              p.abilities.includes('update') && (
                <Button size="small" onClick={() => setEditing(p)}>
                  {t('修改', 'Edit')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
