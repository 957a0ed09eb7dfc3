// 高明区“十三五”规划核对 (明府办〔2016〕122号): Tables 1 and 4 reproduced, the statements the plan derives
// from them recomputed, every check with its verdict (discrepancies highlighted), and the trend charts the
// plan printed only as images (Tables 2, 3, 5, 6, 7), drawn from the same figures.
import { useState } from 'react';
import { Card, Col, Descriptions, Row, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Bilingual } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../components/EChart';

interface Count {
  accidents: number;
  deaths: number;
}
interface T1 {
  year: number;
  total: Count;
  industryMiningCommerce: Count;
  roadTraffic: Count;
  fire: Count;
}
type RatePair = { actual: number; cityTarget: number };
interface T4 {
  year: number;
  deathsPer100mGdp: RatePair;
  roadDeathsPer10kVehicles: RatePair;
  deathsPer100kWorkers: RatePair;
}
interface Check {
  id: string;
  quote: string;
  where: Bilingual;
  stated: number | boolean;
  computed: number | boolean;
  verdict: 'agrees' | 'agrees_within_rounding' | 'partly' | 'disagrees' | 'implausible' | 'unverifiable';
  explanation: Bilingual;
}
interface Report {
  plan: { title: Bilingual; document: string; issued: string };
  table1: T1[];
  table1PrintedTotal: Omit<T1, 'year'>;
  table4: T4[];
  table8: { indicator: string; base2015: number; target2020: number; reductionPercent: number }[];
  derived: { accidents2011to2015: number; averageGdpRate2011to2015: number; targets2020: Record<string, number> };
  checks: Check[];
  discrepancies: Check[];
}

const VERDICT: Record<Check['verdict'], [string, string, string]> = {
  agrees: ['一致', 'Agrees', 'green'],
  agrees_within_rounding: ['舍入范围内一致', 'Agrees within rounding', 'cyan'],
  partly: ['部分成立', 'Partly', 'orange'],
  disagrees: ['不一致', 'Disagrees', 'red'],
  implausible: ['存疑', 'Implausible', 'volcano'],
  unverifiable: ['无法核实', 'Unverifiable', 'default'],
};
const GROUPS = ['total', 'industryMiningCommerce', 'roadTraffic', 'fire'] as const;
const RATES = [
  ['deathsPer100mGdp', 'deaths_per_100m_gdp', '表5 亿元GDP死亡率', 'Table 5 Deaths per 100 million yuan GDP'],
  ['roadDeathsPer10kVehicles', 'road_deaths_per_10k_vehicles', '表6 道路交通万车死亡率', 'Table 6 Road deaths per 10,000 vehicles'],
  ['deathsPer100kWorkers', 'deaths_per_100k_workers', '表7 工矿商贸十万人死亡率', 'Table 7 Deaths per 100,000 workers'],
] as const;

export function GaomingPage() {
  const { t, label } = useI18n();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const q = useQuery({
    queryKey: ['gaoming'], // The contract types the reproduced tables as unknown (gaomingReport); Report below is their shape.
    queryFn: async () => (await call('GET /api/indicators/gaoming')) as unknown as Report,
    staleTime: Infinity,
  });
  if (!q.data) return <Spin style={{ margin: 48 }} />;
  const r = q.data;
  const problem = new Set(r.discrepancies.map((d) => d.id));
  const groupName: Record<(typeof GROUPS)[number], string> = {
    total: t('各类事故', 'All'),
    industryMiningCommerce: t('工矿商贸', 'Industry/mining/commerce'),
    roadTraffic: t('道路交通', 'Road traffic'),
    fire: t('火灾', 'Fire'),
  };
  const years = r.table1.map((x) => String(x.year));
  const t1Columns = [
    { title: t('年份', 'Year'), dataIndex: 'year' },
    ...GROUPS.map((g) => ({
      title: groupName[g],
      children: [
        { title: t('起数', 'Accidents'), render: (_: unknown, row: T1) => row[g].accidents },
        { title: t('死亡', 'Deaths'), render: (_: unknown, row: T1) => row[g].deaths },
      ],
    })),
  ];
  const trend = (key: 'accidents' | 'deaths') => ({
    tooltip: { trigger: 'axis' },
    legend: { data: GROUPS.map((g) => groupName[g]) },
    grid: { left: 40, right: 16, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value' },
    series: GROUPS.map((g) => ({ name: groupName[g], type: 'line', data: r.table1.map((row) => row[g][key]) })),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={label(r.plan.title)} extra={`${r.plan.document} · ${r.plan.issued}`}>
        <Descriptions bordered size="small" layout="vertical" column={{ xs: 1, md: 3 }} data-testid="gaoming-derived">
          <Descriptions.Item label={t('“十二五”各类事故总起数（2011–2015）', 'Accidents 2011–2015')}>
            {r.derived.accidents2011to2015}
          </Descriptions.Item>
          <Descriptions.Item label={t('年均亿元GDP死亡率（2011–2015）', 'Mean GDP rate 2011–2015')}>
            {r.derived.averageGdpRate2011to2015}
          </Descriptions.Item>
          <Descriptions.Item label={t('2020年控制目标（表8）', '2020 targets (Table 8)')}>
            {r.table8.map((x) => `${r.derived.targets2020[x.indicator]}`).join(' / ')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('表1 2010–2015年各类事故分布情况', 'Table 1 Accidents by category, 2010–2015')}>
        <Table<T1>
          rowKey="year"
          size="small"
          bordered
          pagination={false}
          dataSource={r.table1}
          columns={t1Columns}
          scroll={{ x: 720 }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('合计（原表）', 'Total (as printed)')}</Table.Summary.Cell>
              {GROUPS.flatMap((g, i) => [
                <Table.Summary.Cell key={`${g}a`} index={1 + i * 2}>
                  {r.table1PrintedTotal[g].accidents}
                </Table.Summary.Cell>,
                <Table.Summary.Cell key={`${g}d`} index={2 + i * 2}>
                  {r.table1PrintedTotal[g].deaths}
                </Table.Summary.Cell>,
              ])}
            </Table.Summary.Row>
          )}
        />
      </Card>
      <Card
        size="small"
        title={t('表4 2010–2015年各类事故相对指标（实际数 / 市指标）', 'Table 4 Relative indicators, actual / city target')}
      >
        <Table<T4>
          rowKey="year"
          size="small"
          bordered
          pagination={false}
          dataSource={r.table4}
          scroll={{ x: 720 }}
          columns={[
            { title: t('年份', 'Year'), dataIndex: 'year' },
            ...RATES.map(([col, , zh, en]) => ({
              title: t(zh.slice(3), en.slice(8)),
              children: [
                { title: t('实际数', 'Actual'), render: (_: unknown, row: T4) => row[col].actual },
                { title: t('市指标', 'City target'), render: (_: unknown, row: T4) => row[col].cityTarget },
              ],
            })),
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('表2 各类事故起数变化趋势', 'Table 2 Accidents trend')}>
            <EChart option={trend('accidents')} height={260} testId="gaoming-table2" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('表3 各类事故死亡人数变化趋势', 'Table 3 Deaths trend')}>
            <EChart option={trend('deaths')} height={260} />
          </Card>
        </Col>
        {RATES.map(([col, id, zh, en]) => (
          <Col xs={24} lg={8} key={col}>
            <Card size="small" title={t(zh, en)} style={{ marginTop: 16 }}>
              <EChart
                height={240}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { data: [t('实际数', 'Actual'), t('市指标', 'City target')] },
                  grid: { left: 48, right: 16, bottom: 30, top: 40 },
                  xAxis: { type: 'category', data: years },
                  yAxis: { type: 'value', scale: true },
                  series: [
                    {
                      name: t('实际数', 'Actual'),
                      type: 'line',
                      data: r.table4.map((row) => row[col].actual),
                      markLine: {
                        symbol: 'none',
                        data: [{ yAxis: r.derived.targets2020[id], name: '2020' }],
                        label: { position: 'insideEndTop', formatter: `2020: ${r.derived.targets2020[id]}` },
                      },
                    },
                    {
                      name: t('市指标', 'City target'),
                      type: 'line',
                      lineStyle: { type: 'dashed' },
                      data: r.table4.map((row) => row[col].cityTarget),
                    },
                  ],
                }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={t('规划表述核对', 'The plan’s statements checked against its tables')}
        extra={
          <Space>
            {t('只看不一致', 'Discrepancies only')}
            <Switch checked={onlyProblems} onChange={setOnlyProblems} />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {t(
            `共 ${r.checks.length} 项，其中 ${r.discrepancies.length} 项不一致或存疑（红色底色，排在最前）`,
            `${r.checks.length} checks, ${r.discrepancies.length} disagree or are implausible (red background, listed first)`,
          )}
        </Typography.Paragraph>
        <Table<Check>
          rowKey="id"
          size="small"
          dataSource={onlyProblems ? r.discrepancies : [...r.discrepancies, ...r.checks.filter((c) => !problem.has(c.id))]}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 900 }}
          data-testid="gaoming-checks"
          onRow={(c) => ({ style: problem.has(c.id) ? { background: '#fff1f0' } : undefined })}
          columns={[
            { title: t('原文', 'Quote'), dataIndex: 'quote', width: 280 },
            { title: t('位置', 'Where'), render: (_, c) => label(c.where), width: 100 },
            { title: t('所述', 'Stated'), render: (_, c) => String(c.stated), width: 80 },
            { title: t('按表计算', 'Computed'), render: (_, c) => String(c.computed), width: 90 },
            {
              title: t('结论', 'Verdict'),
              render: (_, c) => <Tag color={VERDICT[c.verdict][2]}>{t(VERDICT[c.verdict][0], VERDICT[c.verdict][1])}</Tag>,
              width: 120,
            },
            { title: t('说明', 'Explanation'), render: (_, c) => label(c.explanation) },
          ]}
        />
      </Card>
    </Space>
  );
}
