// Enforcement statistics: inspections, findings and decided cases by month or sector, with fines (ECharts).
import { useState } from 'react';
import { Card, Radio } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../components/EChart';

export function EnforcementStats() {
  const { t } = useI18n();
  const [by, setBy] = useState<'month' | 'sector'>('month');
  const q = useQuery({ queryKey: ['enforcement-stats', by], queryFn: () => call('GET /api/enforcement/stats', { query: { by } }) });
  const rows = q.data?.rows ?? [];
  return (
    <Card
      title={t('执法统计', 'Enforcement statistics')}
      loading={q.isLoading}
      extra={
        <Radio.Group value={by} onChange={(e) => setBy(e.target.value)}>
          <Radio.Button value="month">{t('按月', 'By month')}</Radio.Button>
          <Radio.Button value="sector">{t('按行业', 'By sector')}</Radio.Button>
        </Radio.Group>
      }
    >
      <EChart
        testId="enforcement-chart"
        option={{
          tooltip: { trigger: 'axis' },
          legend: {},
          xAxis: { type: 'category', data: rows.map((r) => r.key) },
          yAxis: [{ type: 'value' }, { type: 'value', name: t('罚款（元）', 'Fines (yuan)') }],
          series: [
            { type: 'bar', name: t('检查', 'Inspections'), data: rows.map((r) => r.inspections) },
            { type: 'bar', name: t('问题', 'Findings'), data: rows.map((r) => r.findings) },
            { type: 'bar', name: t('处罚', 'Cases'), data: rows.map((r) => r.cases) },
            { type: 'line', name: t('罚款', 'Fines'), yAxisIndex: 1, data: rows.map((r) => r.fines) },
          ],
        }}
      />
    </Card>
  );
}
