// 举报奖励措施落实率: rewards paid / rewards due (declined ones are not due) for one year, in total and per area of
// the caller's scope.
import { useState } from 'react';
import { Card, InputNumber, Space, Statistic, Table } from 'antd';
import type { RewardRate as Rate } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { percent } from './labels';

export function RewardRate() {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useList('GET /api/rewards/rate', { query: { year } });
  return (
    <Card
      title={t('举报奖励落实率', 'Rewards paid / due')}
      extra={<InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label={t('年度', 'Year')} />}
    >
      <ErrorDisplay error={q.error} />
      <Space size={32} wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('落实率', 'Rate')} value={percent(q.data?.total.rate ?? null)} />
        <Statistic title={t('应奖励', 'Due')} value={q.data?.total.due ?? 0} />
        <Statistic title={t('已发放', 'Paid')} value={q.data?.total.paid ?? 0} />
      </Space>
      <Table<Rate['areas'][number]>
        rowKey="areaCode"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.areas}
        pagination={false}
        columns={[
          { title: t('地区', 'Area'), render: (_, r) => r.areaName ?? r.areaCode },
          { title: t('应奖励', 'Due'), dataIndex: 'due' },
          { title: t('已发放', 'Paid'), dataIndex: 'paid' },
          { title: t('落实率', 'Rate'), render: (_, r) => percent(r.rate) },
        ]}
      />
    </Card>
  );
}
