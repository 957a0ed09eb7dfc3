// 隐患统计: found, rectified, rectification rate, overdue, average days to close and self-report share, by area,
// sector, source or grade, within the caller's jurisdiction; a bar chart above the table.
import { useMemo, useState } from 'react';
import { Card, DatePicker, Segmented, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type dayjs from 'dayjs';
import type { HazardStatsGroup, HazardStatsRow } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { AreaCascader } from '../../components/AreaCascader';
import { EChart } from '../../components/EChart';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function HazardStats() {
  const { t, label } = useI18n();
  const [groupBy, setGroupBy] = useState<HazardStatsGroup>('area');
  const [areaCode, setAreaCode] = useState<string | undefined>();
  const [range, setRange] = useState<[dayjs.Dayjs | null, dayjs.Dayjs | null] | null>(null);
  const query = { groupBy, areaCode, from: range?.[0]?.format('YYYY-MM'), to: range?.[1]?.format('YYYY-MM') };
  const stats = useQuery({
    queryKey: ['hazard-stats', query],
    queryFn: () => call('GET /api/hazards/stats', { query }),
    placeholderData: (p) => p,
  });
  const chartOption = useMemo(() => {
    const rows = stats.data?.rows ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('发现', 'Found'), t('已整改', 'Rectified'), t('逾期', 'Overdue')] },
      grid: { left: 40, right: 16, bottom: 60 },
      xAxis: { type: 'category', data: rows.map((r) => label(r.label)), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('发现', 'Found'), type: 'bar', data: rows.map((r) => r.found) },
        { name: t('已整改', 'Rectified'), type: 'bar', data: rows.map((r) => r.rectified) },
        { name: t('逾期', 'Overdue'), type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: '#ff4d4f' } },
      ],
    };
  }, [stats.data, t, label]);
  const rows = stats.data ? [...stats.data.rows, stats.data.total] : [];
  return (
    <Card title={t('隐患统计分析', 'Hidden-danger statistics')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={groupBy}
          onChange={(v) => setGroupBy(v as HazardStatsGroup)}
          options={[
            { value: 'area', label: t('按区域', 'By area') },
            { value: 'sector', label: t('按行业', 'By sector') },
            { value: 'source', label: t('按来源', 'By source') },
            { value: 'grade', label: t('按等级', 'By grade') },
          ]}
        />
        <AreaCascader value={areaCode} onChange={setAreaCode} placeholder={t('区域', 'Area')} style={{ width: 200 }} />
        <DatePicker.RangePicker picker="month" value={range} onChange={(v) => setRange(v as typeof range)} />
      </Space>
      {stats.data && <EChart option={chartOption} height={320} testId="hazard-chart" />}
      <Table<HazardStatsRow>
        rowKey="key"
        size="small"
        pagination={false}
        loading={stats.isLoading}
        dataSource={rows}
        scroll={{ x: 800 }}
        data-testid="hazard-stats-table"
        columns={[
          { title: t('分组', 'Group'), render: (_, r) => label(r.label) },
          { title: t('发现', 'Found'), dataIndex: 'found' },
          { title: t('已整改', 'Rectified'), dataIndex: 'rectified' },
          { title: t('整改率', 'Rate'), dataIndex: 'rectificationRate', render: pct },
          { title: t('逾期未改', 'Overdue'), dataIndex: 'overdue' },
          { title: t('超期整改', 'Rectified late'), dataIndex: 'closedLate' },
          { title: t('平均整改天数', 'Avg days to close'), dataIndex: 'averageDaysToClose', render: (v: number | null) => v ?? '—' },
          { title: t('自查自报率', 'Self-reported'), dataIndex: 'selfReportShare', render: pct },
          { title: t('重大', 'Major'), dataIndex: 'major' },
        ]}
      />
    </Card>
  );
}
