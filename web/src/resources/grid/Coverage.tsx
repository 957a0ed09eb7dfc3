// 网格巡查覆盖: per grid, community or street this month — units, units visited, visits, units still due by the month's
// end and units never visited — and each inspector's visits, from the maintained aggregates.
import { useState } from 'react';
import { Card, DatePicker, Progress, Segmented, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';

type Level = 'grid' | 'community' | 'street';

export function Coverage() {
  const { t } = useI18n();
  const [level, setLevel] = useState<Level>('grid');
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const cov = useList('GET /api/grid/coverage', { query: { month, level } });
  const act = useList('GET /api/grid/activity', { query: { month } });
  const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) : 0);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('网格巡查覆盖', 'Grid patrol coverage')}
        extra={
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
        }
      >
        <Segmented
          style={{ marginBottom: 12 }}
          value={level}
          onChange={(v) => setLevel(v as Level)}
          options={[
            { value: 'grid', label: t('网格', 'Grid') },
            { value: 'community', label: t('社区', 'Community') },
            { value: 'street', label: t('街道', 'Street') },
          ]}
        />
        {cov.data && (
          <Space wrap style={{ marginBottom: 12 }}>
            <span>
              {t('本月已巡查单位', 'Units visited this month')}: {cov.data.totals.visitedThisMonth} / {cov.data.totals.units}
            </span>
            <Progress type="circle" size={56} percent={pct(cov.data.totals.visitedThisMonth, cov.data.totals.units)} />
            <span>
              {t('仍待巡查', 'Still due')}: {cov.data.totals.stillDue} · {t('从未巡查', 'Never visited')}: {cov.data.totals.neverVisited}
            </span>
          </Space>
        )}
        <Table
          rowKey="areaCode"
          size="small"
          data-testid="grid-coverage"
          loading={cov.isLoading}
          dataSource={cov.data?.rows}
          pagination={{ pageSize: 50 }}
          scroll={{ x: 700 }}
          columns={[
            { title: t('区域', 'Area'), render: (_, r) => r.areaName ?? r.areaCode },
            { title: t('单位数', 'Units'), dataIndex: 'units' },
            { title: t('本月已巡查', 'Visited'), dataIndex: 'visitedThisMonth' },
            { title: t('覆盖率', 'Coverage'), render: (_, r) => `${pct(r.visitedThisMonth, r.units)}%` },
            { title: t('巡查次数', 'Visits'), dataIndex: 'visits' },
            { title: t('仍待巡查', 'Still due'), dataIndex: 'stillDue' },
            { title: t('从未巡查', 'Never visited'), dataIndex: 'neverVisited' },
          ]}
        />
      </Card>
      <Card title={t('网格员巡查情况', 'Inspectors’ activity')}>
        <Table
          rowKey="inspectorId"
          size="small"
          loading={act.isLoading}
          dataSource={act.data?.inspectors}
          pagination={false}
          columns={[
            { title: t('网格员', 'Inspector'), dataIndex: 'name' },
            { title: t('网格', 'Grid'), render: (_, r) => r.areaName ?? r.areaCode },
            { title: t('巡查次数', 'Visits'), dataIndex: 'visits' },
            { title: t('巡查单位数', 'Units'), dataIndex: 'units' },
          ]}
        />
      </Card>
    </Space>
  );
}
