// 安全生产标准化: the rate of above-designated-size enterprises at grade 3 or better per street against the 70 % target with seed 003's
// deduction (−0.5 per 10 points short), and grades expiring within the renewal window.
import { useState } from 'react';
import { Alert, Card, Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { standardizationGradeLabels } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { AreaRates, drillTo } from './AreaRates';
import { pct } from './labels';

function Rates() {
  const { t } = useI18n();
  const [path, setPath] = useState<{ code: string; name: string }[]>([]);
  const areaCode = path.at(-1)?.code;
  const q = useList('GET /api/standardization/rates', { query: areaCode ? { areaCode } : {} });
  const d = q.data;
  return (
    <>
      {d && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(
            `目标：${d.targetPct}% 以上规上企业达到三级以上；每少${d.stepPct}个百分点扣${d.deductPerStep}分`,
            `Target: ${d.targetPct}% of above-designated-size enterprises at grade 3 or better; −${d.deductPerStep} per ${d.stepPct} points short`,
          )}
        />
      )}
      <ErrorDisplay error={q.error} />
      <AreaRates
        testId="standardization-rates"
        rows={d?.rows ?? []}
        total={d?.total}
        loading={q.isLoading}
        path={path}
        onDrill={(code, name) => setPath(drillTo(path, code, name))}
        columns={[
          { title: t('规上企业', 'Above size'), render: (r) => r.above },
          { title: t('三级以上', 'Grade 3+'), render: (r) => r.graded },
          {
            title: t('达标率', 'Rate'),
            render: (r) => (
              <Tag color={r.ratePct === null ? undefined : r.ratePct >= (d?.targetPct ?? 70) ? 'green' : 'red'}>{pct(r.ratePct)}</Tag>
            ),
          },
          { title: t('考核扣分', 'Deduction'), render: (r) => (r.deduction ? `−${r.deduction}` : '0') },
        ]}
      />
    </>
  );
}

function Expiring() {
  const { t, label } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useList('GET /api/standardization/expiring', { query: { ...page, withinDays: 90 } });
  return (
    <>
      <ErrorDisplay error={q.error} />
      <Table
        rowKey="enterpriseId"
        size="small"
        data-testid="standardization-expiring"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 560 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('企业', 'Enterprise'), render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.name}</Link> },
          { title: t('等级', 'Grade'), render: (_, r) => label(standardizationGradeLabels[r.grade]) },
          { title: t('有效期至', 'Valid until'), dataIndex: 'expiresOn' },
          { title: t('剩余天数', 'Days left'), render: (_, r) => <Tag color={r.daysLeft <= 30 ? 'red' : 'gold'}>{r.daysLeft}</Tag> },
        ]}
      />
    </>
  );
}

export function StandardizationPage() {
  const { t } = useI18n();
  return (
    <Card title={t('安全生产标准化', 'Safety standardization')}>
      <Tabs
        items={[
          { key: 'rates', label: t('达标率', 'Rates'), children: <Rates /> },
          { key: 'expiring', label: t('90日内到期', 'Expiring in 90 days'), children: <Expiring /> },
        ]}
      />
    </Card>
  );
}
