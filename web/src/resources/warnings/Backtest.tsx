// A version's backtest: how often it would have fired per month (bars), side by side with the rule's active version,
// and the records it would have fired on in the month picked.
import { useMemo, useState } from 'react';
import { Card, InputNumber, Space, Table } from 'antd';
import type { BacktestView } from '@anjian/contracts';
import { useRecord } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../components/EChart';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { evidenceText } from './labels';

type Record = BacktestView['series'][number]['months'][number]['records'][number];

export function Backtest({ versionId }: { versionId: string }) {
  const { t, lang } = useI18n();
  const [months, setMonths] = useState(12);
  const [picked, setPicked] = useState<string | null>(null);
  const q = useRecord('GET /api/warning-rule-versions/:id/backtest', { params: { id: versionId }, query: { months } });
  const series = useMemo(() => q.data?.series ?? [], [q.data]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: series.map((s) => `v${s.seq}`) },
      xAxis: { type: 'category', data: series[0]?.months.map((m) => m.month) ?? [] },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ name: `v${s.seq}`, type: 'bar', data: s.months.map((m) => m.count) })),
    }),
    [series],
  );
  const month = series[0]?.months.find((m) => m.month === picked) ?? series[0]?.months[series[0].months.length - 1];
  return (
    <Card
      size="small"
      title={t('回测：每月触发次数', 'Backtest: firings per month')}
      extra={
        <Space>
          {t('月数', 'Months')}
          <InputNumber min={1} max={36} value={months} onChange={(v) => setMonths(v ?? 12)} />
        </Space>
      }
    >
      <ErrorDisplay error={q.error} />
      <EChart option={option} height={260} testId="backtest-chart" />
      <Space wrap style={{ margin: '8px 0' }}>
        {series[0]?.months.map((m) => (
          <a key={m.month} onClick={() => setPicked(m.month)} style={{ fontWeight: m.month === month?.month ? 'bold' : undefined }}>
            {m.month}
            {t(`（${m.count}）`, ` (${m.count})`)}
          </a>
        ))}
      </Space>
      <Table<Record>
        rowKey={(r) => `${r.subjectType}:${r.subjectId}`}
        size="small"
        loading={q.isLoading}
        dataSource={month?.records}
        pagination={false}
        scroll={{ x: 480 }}
        columns={[
          { title: t('对象', 'Subject'), dataIndex: 'label' },
          { title: t('依据', 'Evidence'), render: (_, r) => evidenceText(r.evidence, lang).summary },
        ]}
      />
    </Card>
  );
}
