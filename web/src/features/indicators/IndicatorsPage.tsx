// 安全生产控制指标: the three rates of an area and year — actual against target, the pacing forecast and the
// alarm — with the monthly deaths behind them; base data, targets and statistics imports for managers.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { IndicatorsReport } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { AreaCascader } from '../../components/AreaCascader';
import { EChart } from '../../components/EChart';
import { IndicatorsAdmin } from './IndicatorsAdmin';

type Rate = IndicatorsReport['rates'][number];
const num = (v: number | null | undefined, d = 4) => (v === null || v === undefined ? '—' : String(Number(v.toFixed(d))));

export function IndicatorsPage() {
  const { t, label } = useI18n();
  const { user, can } = useAuth();
  const [areaCode, setAreaCode] = useState<string | undefined>(user?.areaCode ?? undefined);
  const [year, setYear] = useState(new Date().getFullYear());
  const report = useQuery({
    queryKey: ['indicators', areaCode, year],
    queryFn: () => call('GET /api/indicators', { query: { areaCode: areaCode!, year } }),
    enabled: !!areaCode,
    retry: false,
  });
  const r = report.data;
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}${t('月', '')}`);
  return (
    <Card
      title={t('安全生产控制指标', 'Safety indicators')}
      extra={
        <Space wrap>
          <Link to="/accident-analysis">{t('事故分析', 'Accident analysis')}</Link>
          <Link to="/indicators/gaoming">{t('高明区“十三五”规划核对', 'Gaoming plan check')}</Link>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <AreaCascader value={areaCode} onChange={setAreaCode} maxDepth={2} placeholder={t('区域', 'Area')} style={{ width: 220 }} />
        <InputNumber value={year} min={1949} max={2100} onChange={(v) => v && setYear(v)} addonBefore={t('年度', 'Year')} />
      </Space>
      {report.error && <Alert type="error" message={(report.error as Error).message} />}
      {r && (
        <>
          <Typography.Paragraph type="secondary">
            {r.areaName} · {r.year} ·{' '}
            {r.monthsElapsed === 12
              ? t('全年', 'whole year')
              : r.monthsElapsed === 0
                ? t('尚未开始', 'not started')
                : t(`截至${r.monthsElapsed}月`, `to month ${r.monthsElapsed}`)}
            {t('；死亡人数含失踪，含其他部门导入的统计数', '; deaths include the missing and the statistics other departments report')}
          </Typography.Paragraph>
          <Table<Rate>
            rowKey="indicator"
            size="middle"
            pagination={false}
            dataSource={r.rates}
            scroll={{ x: 1300 }}
            data-testid="indicator-table"
            columns={[
              {
                title: t('指标', 'Indicator'),
                width: 240,
                render: (_, x) => `${label(x.label)}${t('（', ' (')}${label(x.unit)}${t('）', ')')}`,
              },
              { title: t('死亡人数', 'Deaths'), dataIndex: 'deaths' },
              { title: t('分母', 'Denominator'), dataIndex: 'denominator', render: (v: number | null) => num(v, 2) },
              { title: t('实际值', 'Actual'), dataIndex: 'actual', render: (v: number | null) => num(v) },
              {
                title: t('控制目标', 'Target'),
                render: (_, x) =>
                  x.target === null
                    ? '—'
                    : `${num(x.target)}${x.targetSpec?.kind === 'reduction' ? t(`（比${x.targetSpec.baseYear}年下降${x.targetSpec.reductionPercent}%）`, ` (−${x.targetSpec.reductionPercent}% on ${x.targetSpec.baseYear})`) : ''}`,
              },
              {
                title: t('完成情况', 'Status'),
                render: (_, x) =>
                  x.status === null ? (
                    '—'
                  ) : x.status === 'met' ? (
                    <Tag color="green">{t('达标', 'Met')}</Tag>
                  ) : (
                    <Tag color="red">{t('超标', 'Missed')}</Tag>
                  ),
              },
              {
                title: t('全年预测', 'Forecast'),
                render: (_, x) =>
                  x.forecast
                    ? `${num(x.forecast.forecastRate)}${t('（', ' (')}${num(x.forecast.forecastDeaths, 1)}${t('人，', ' deaths, ')}${x.forecast.method === 'seasonal' ? t('按往年季节规律', 'seasonal') : t('线性', 'linear')}${t('）', ')')}`
                    : '—',
              },
              {
                title: t('剩余死亡控制数', 'Deaths still allowed'),
                render: (_, x) => num(x.forecast?.deathsRemaining, 1),
              },
              {
                title: t('预警', 'Alarm'),
                render: (_, x) =>
                  x.alarm === null ? (
                    '—'
                  ) : x.alarm ? (
                    <Tag color="red">{t('预计超标', 'On course to miss')}</Tag>
                  ) : (
                    <Tag color="green">{t('正常', 'On track')}</Tag>
                  ),
              },
              { title: t('说明', 'Notes'), width: 220, render: (_, x) => x.notes.map((n) => label(n)).join(t('；', '; ')) },
            ]}
          />
          <EChart
            height={260}
            option={{
              title: { text: t('各月死亡人数（含失踪）', 'Deaths per month (incl. missing)'), textStyle: { fontSize: 14 } },
              tooltip: { trigger: 'axis' },
              grid: { left: 40, right: 16, bottom: 30 },
              xAxis: { type: 'category', data: months },
              yAxis: { type: 'value', minInterval: 1 },
              series: [{ type: 'bar', data: r.monthlyDeaths, name: t('死亡', 'Deaths') }],
            }}
          />
          {can('indicator.manage') && <IndicatorsAdmin report={r} onSaved={() => void report.refetch()} />}
        </>
      )}
    </Card>
  );
}
