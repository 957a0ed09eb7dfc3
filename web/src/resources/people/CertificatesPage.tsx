// 持证管理 for officers: the certificates across the caller's scope due for review or expiry (within N days, or
// lapsed), server-paged by due date, and the 三项岗位 holding rate by street, sector or enterprise with its numerator
// and denominator (from the maintained per-enterprise summaries).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Progress, Segmented, Select, Space, Table, Tabs, Typography } from 'antd';
import {
  certificateKindLabels,
  certificateKinds,
  certificateStatusLabels,
  certificateStatuses,
  sectorLabels,
  type CertificateKind,
  type CertificateStatus,
  type CertificateView,
  type Sector,
} from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { CertificateStatusTag } from './labels';

export function CertificatesPage() {
  const { t } = useI18n();
  return (
    <Card title={t('持证管理', 'Certificates')}>
      <Tabs
        items={[
          { key: 'due', label: t('复审与到期', 'Due and lapsed'), children: <DueList /> },
          { key: 'rates', label: t('三项岗位持证率', 'Holding rates'), children: <Rates /> },
        ]}
      />
    </Card>
  );
}

function DueList() {
  const { t, label } = useI18n();
  const [within, setWithin] = useState<number | undefined>(90);
  const [status, setStatus] = useState<CertificateStatus | undefined>();
  const [kind, setKind] = useState<CertificateKind | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { dueWithinDays: status ? undefined : within, status, kind, ...page };
  const list = useList('GET /api/certificates', { query });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('到期范围', 'Due within')}
          value={status ? undefined : within}
          disabled={!!status}
          onChange={(v) => setWithin(v)}
          options={[30, 60, 90, 180].map((d) => ({ value: d, label: t(`${d}天内`, `${d} days`) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('状态', 'Status')}
          value={status}
          onChange={setStatus}
          options={certificateStatuses.map((s) => ({ value: s, label: label(certificateStatusLabels[s]) }))}
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('证书类别', 'Kind')}
          value={kind}
          onChange={setKind}
          options={certificateKinds.map((k) => ({ value: k, label: label(certificateKindLabels[k]) }))}
        />
      </Space>
      {list.error && <ErrorDisplay error={list.error} />}
      <Table<CertificateView>
        rowKey="id"
        size="middle"
        data-testid="certificate-list"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 960 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('应复审/到期', 'Due'), dataIndex: 'dueOn', width: 110 },
          { title: t('状态', 'Status'), render: (_, c) => <CertificateStatusTag c={c} /> },
          { title: t('持证人', 'Holder'), dataIndex: 'personName' },
          {
            title: t('企业', 'Enterprise'),
            render: (_, c) => <Link to={`/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link>,
          },
          { title: t('证书', 'Certificate'), render: (_, c) => label(certificateKindLabels[c.kind]) },
          { title: t('作业项目', 'Item'), dataIndex: 'itemName', ellipsis: true },
          { title: t('证号', 'Number'), dataIndex: 'number' },
        ]}
      />
    </>
  );
}

function Rates() {
  const { t, label } = useI18n();
  const [groupBy, setGroupBy] = useState<'area' | 'sector' | 'enterprise'>('area');
  const [page, setPage] = useState(1);
  const q = useList('GET /api/certificates/rates', { query: { groupBy, page, pageSize: 50 } });
  const name = (key: string, n: string | null) =>
    groupBy === 'sector' ? label(sectorLabels[key as Sector] ?? { zh: key, en: key }) : (n ?? key);
  const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={groupBy}
          onChange={(v) => {
            setGroupBy(v as typeof groupBy);
            setPage(1);
          }}
          options={[
            { value: 'area', label: t('按街道', 'By street') },
            { value: 'sector', label: t('按行业', 'By sector') },
            { value: 'enterprise', label: t('按企业', 'By enterprise') },
          ]}
        />
        {q.data && (
          <Typography.Text data-testid="rate-overall">
            {t('合计：', 'Overall: ')}
            {q.data.overall.holders} / {q.data.overall.people}
            {t(`（${pct(q.data.overall.rate)}）`, ` (${pct(q.data.overall.rate)})`)}
          </Typography.Text>
        )}
      </Space>
      {q.error && <ErrorDisplay error={q.error} />}
      <Table
        rowKey="key"
        size="middle"
        data-testid="rate-table"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={{ current: page, pageSize: 50, total: q.data?.total, onChange: setPage }}
        columns={[
          {
            title: groupBy === 'sector' ? t('行业', 'Sector') : groupBy === 'area' ? t('街道', 'Street') : t('企业', 'Enterprise'),
            render: (_, r) => name(r.key, r.name),
          },
          { title: t('持有效证人数', 'Holders'), dataIndex: 'holders' },
          { title: t('三项岗位人数', 'People in posts'), dataIndex: 'people' },
          {
            title: t('持证率', 'Rate'),
            render: (_, r) =>
              r.rate === null ? (
                '—'
              ) : (
                <Progress percent={Math.round(r.rate * 1000) / 10} size="small" status={r.rate < 1 ? 'exception' : 'success'} />
              ),
          },
          { title: t('企业数', 'Enterprises'), dataIndex: 'enterprises' },
        ]}
      />
    </>
  );
}
