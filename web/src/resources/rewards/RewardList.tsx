// The rewards list: every reward in the caller's scope by status and year (server paging), with the rate card. The
// reporter never appears here.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Card, InputNumber, Select, Space, Table, Tag } from 'antd';
import { reportCategoryLabels, rewardStatuses, rewardStatusLabels, type RewardStatus, type RewardView } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { RewardRate } from './RewardRate';
import { yuan } from './labels';

export function RewardList() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [status, setStatus] = useState<RewardStatus | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { status, year, ...page };
  const list = useList('GET /api/rewards', { query });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <RewardRate />
      <Card title={t('举报奖励', 'Report rewards')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('状态', 'Status')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={rewardStatuses.map((s) => ({ value: s, label: label(rewardStatusLabels[s]) }))}
          />
          <InputNumber placeholder={t('年度', 'Year')} min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? undefined)} />
        </Space>
        <ErrorDisplay error={list.error} />
        <Table<RewardView>
          rowKey="id"
          size="middle"
          data-testid="reward-list"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 800 }}
          onRow={(r) => ({ onClick: () => navigate(`/rewards/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('应奖日期', 'Due on'), dataIndex: 'dueOn', width: 110 },
            { title: t('举报类别', 'Category'), render: (_, r) => label(reportCategoryLabels[r.reportCategory]) },
            { title: t('被举报单位', 'Enterprise'), render: (_, r) => r.enterpriseName ?? '—' },
            { title: t('地区', 'Area'), render: (_, r) => r.areaName ?? r.areaCode },
            { title: t('金额', 'Amount'), render: (_, r) => yuan(r.amount) },
            { title: t('状态', 'Status'), render: (_, r) => <Tag>{label(rewardStatusLabels[r.status])}</Tag> },
          ]}
        />
      </Card>
    </Space>
  );
}
