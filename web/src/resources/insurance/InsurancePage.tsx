// 安责险覆盖: mandatory-sector enterprises without a policy in force today (the coverage check), policies expiring
// within 30 days, and coverage rates per street / community.
import { useState } from 'react';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { SectionTabs } from '../../components/SectionTabs';
import { Link } from 'react-router-dom';
import { hazardTagLabels, policyStatusLabels, sectorLabels, sectors, type PolicyView, type Sector } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { AreaRates, drillTo } from './AreaRates';
import { MandatorySettings } from './MandatorySettings';
import { useAuth } from '../../app/auth';
import { pct, policyStatusColours } from './labels';

function Uninsured() {
  const { t, label } = useI18n();
  const [sector, setSector] = useState<Sector | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useList('GET /api/insurance/coverage', { query: { ...page, sector } });
  const d = q.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          placeholder={t('行业', 'Sector')}
          style={{ width: 180 }}
          value={sector}
          onChange={(v) => {
            setSector(v);
            setPage({ ...page, page: 1 });
          }}
          options={(d?.mandatorySectors ?? sectors).map((s) => ({ value: s, label: label(sectorLabels[s]) }))}
        />
        {d && (
          <Typography.Text type="secondary">
            {t('强制投保行业：', 'Mandatory sectors: ')}
            {d.mandatorySectors.map((s) => label(sectorLabels[s])).join(t('、', ', '))}
            {d.mandatoryTags.length > 0 &&
              `${t('；及 ', '; and ')}${d.mandatoryTags.map((x) => label(hazardTagLabels[x])).join(t('、', ', '))}`}
          </Typography.Text>
        )}
      </Space>
      <ErrorDisplay error={q.error} />
      <Table
        rowKey="enterpriseId"
        size="small"
        data-testid="uninsured-list"
        loading={q.isLoading}
        dataSource={d?.items}
        scroll={{ x: 640 }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: d?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: t('企业', 'Enterprise'), render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.name}</Link> },
          { title: t('统一社会信用代码', 'Credit code'), dataIndex: 'creditCode' },
          { title: t('行业', 'Sector'), render: (_, r) => label(sectorLabels[r.sector]) },
          {
            title: t('最近保单止期', 'Last policy ended'),
            render: (_, r) =>
              r.lastPolicyEndsOn ? <Tag color="red">{r.lastPolicyEndsOn}</Tag> : <Tag>{t('从未投保', 'Never insured')}</Tag>,
          },
        ]}
      />
    </>
  );
}

function Expiring() {
  const { t, label } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useList('GET /api/insurance/policies', { query: { ...page, expiringWithin: 30 } });
  return (
    <>
      <ErrorDisplay error={q.error} />
      <Table<PolicyView>
        rowKey="id"
        size="small"
        data-testid="expiring-policies"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 640 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('企业', 'Enterprise'), render: (_, p) => <Link to={`/enterprises/${p.enterpriseId}`}>{p.enterpriseName}</Link> },
          { title: t('承保机构', 'Insurer'), dataIndex: 'insurer' },
          { title: t('保单号', 'Policy'), dataIndex: 'policyNo' },
          { title: t('保险止期', 'Ends on'), dataIndex: 'endsOn' },
          {
            title: t('状态', 'Status'),
            render: (_, p) => <Tag color={policyStatusColours[p.status]}>{label(policyStatusLabels[p.status])}</Tag>,
          },
        ]}
      />
    </>
  );
}

function Rates() {
  const { t } = useI18n();
  const [path, setPath] = useState<{ code: string; name: string }[]>([]);
  const areaCode = path.at(-1)?.code;
  const q = useList('GET /api/insurance/rates', { query: areaCode ? { areaCode } : {} });
  return (
    <>
      <ErrorDisplay error={q.error} />
      <AreaRates
        testId="insurance-rates"
        rows={q.data?.rows ?? []}
        total={q.data?.total}
        loading={q.isLoading}
        path={path}
        onDrill={(code, name) => setPath(drillTo(path, code, name))}
        columns={[
          { title: t('应投保企业', 'Mandatory'), render: (r) => r.mandatory },
          { title: t('已投保', 'Insured'), render: (r) => r.insured },
          { title: t('覆盖率', 'Coverage'), render: (r) => pct(r.ratePct) },
        ]}
      />
    </>
  );
}

export function InsurancePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  return (
    <Card title={t('安全生产责任保险', 'Safety liability insurance')}>
      <SectionTabs
        items={[
          { key: 'uninsured', label: t('应保未保', 'Uninsured'), children: <Uninsured /> },
          { key: 'expiring', label: t('30日内到期', 'Expiring in 30 days'), children: <Expiring /> },
          { key: 'rates', label: t('覆盖率', 'Coverage rates'), children: <Rates /> },
          ...(can('insurance.configure')
            ? [{ key: 'settings', label: t('强制投保行业设置', 'Mandatory sectors'), children: <MandatorySettings /> }]
            : []),
        ]}
      />
    </Card>
  );
}
