// 事故分析: the trend by year, stacked bars by category, any grouping with year-over-year change, and the
// hotspots that the enforcement draw weighs by. All figures come from the server's monthly rollup.
import { useState } from 'react';
import { Card, Col, InputNumber, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { AnalysisReport } from '@anjian/contracts';
import { call, type RouteQuery } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { AreaCascader } from '../../components/AreaCascader';
import { EChart } from '../../components/EChart';
import { useAccidentCodes } from '../../resources/accidents/codeTables';
import { HotspotTables } from './HotspotTables';

type Group = 'area' | 'sector' | 'type' | 'cause' | 'category' | 'level' | 'month';
type Item = AnalysisReport['items'][number];

const change = (v: number | null) =>
  v === null ? '—' : <Tag color={v > 0 ? 'red' : v < 0 ? 'green' : 'default'}>{`${v > 0 ? '+' : ''}${v}%`}</Tag>;

export function AnalysisDashboard() {
  const { t, label } = useI18n();
  const { codes } = useAccidentCodes();
  const thisYear = new Date().getFullYear();
  const [years, setYears] = useState(5);
  const [areaCode, setAreaCode] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [groupBy, setGroupBy] = useState<Group>('area');
  const first = thisYear - years + 1;
  const base = { from: `${first}-01-01`, to: `${thisYear}-12-31`, areaCode, category } as Omit<
    RouteQuery<'GET /api/accidents/analysis'>,
    'groupBy'
  >;
  const trend = useQuery({
    queryKey: ['analysis', 'year', base],
    queryFn: () => call('GET /api/accidents/analysis', { query: { ...base, groupBy: 'year' } }),
  });
  const grouped = useQuery({
    queryKey: ['analysis', groupBy, base],
    queryFn: () => call('GET /api/accidents/analysis', { query: { ...base, groupBy } }),
  });
  const yearList = Array.from({ length: years }, (_, i) => first + i);
  const perYear = useQueries({
    queries: yearList.map((y) => ({
      queryKey: ['analysis', 'category', y, areaCode],
      queryFn: () =>
        call('GET /api/accidents/analysis', { query: { groupBy: 'category', from: `${y}-01-01`, to: `${y}-12-31`, areaCode } }),
    })),
  });
  const yearItems = yearList.map((y) => trend.data?.items.find((i) => i.key === String(y)));
  const categories = codes?.categories ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('事故分析', 'Accident analysis')}>
        <Space wrap>
          <InputNumber
            min={2}
            max={15}
            value={years}
            onChange={(v) => v && setYears(v)}
            addonBefore={t('近', 'Last')}
            addonAfter={t('年', 'years')}
          />
          <AreaCascader value={areaCode} onChange={setAreaCode} placeholder={t('区域', 'Area')} style={{ width: 200 }} />
          <Select
            allowClear
            placeholder={t('事故类型', 'Category')}
            style={{ width: 160 }}
            value={category}
            onChange={setCategory}
            options={categories.map((c) => ({ value: c.key, label: label(c.label) }))}
          />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t(
            '死亡含失踪；按年、按月、按区域和按类型的数字含其他部门导入的统计数',
            'Deaths include the missing; by year, month, area and category the figures include statistics other departments report',
          )}
        </Typography.Paragraph>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('历年趋势', 'Trend by year')}>
            <EChart
              testId="trend-chart"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: [t('事故起数', 'Accidents'), t('死亡人数', 'Deaths')] },
                grid: { left: 40, right: 40, bottom: 30 },
                xAxis: { type: 'category', data: yearList.map(String) },
                yAxis: [
                  { type: 'value', minInterval: 1 },
                  { type: 'value', minInterval: 1 },
                ],
                series: [
                  { name: t('事故起数', 'Accidents'), type: 'line', data: yearItems.map((i) => i?.accidents ?? 0) },
                  { name: t('死亡人数', 'Deaths'), type: 'line', yAxisIndex: 1, data: yearItems.map((i) => i?.deaths ?? 0) },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('分类型事故起数', 'Accidents by category')}>
            <EChart
              testId="category-chart"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { type: 'scroll', data: categories.map((c) => label(c.label)) },
                grid: { left: 40, right: 16, bottom: 30, top: 50 },
                xAxis: { type: 'category', data: yearList.map(String) },
                yAxis: { type: 'value', minInterval: 1 },
                series: categories.map((c) => ({
                  name: label(c.label),
                  type: 'bar',
                  stack: 'total',
                  data: perYear.map((q) => q.data?.items.find((i) => i.key === c.key)?.accidents ?? 0),
                })),
              }}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('分组统计（同比）', 'Grouped, with year-over-year change')}
        extra={
          <Segmented
            value={groupBy}
            onChange={(v) => setGroupBy(v as Group)}
            options={[
              { value: 'area', label: t('区域', 'Area') },
              { value: 'sector', label: t('行业', 'Sector') },
              { value: 'type', label: t('事故类别', 'Type') },
              { value: 'cause', label: t('原因', 'Cause') },
              { value: 'category', label: t('类型', 'Category') },
              { value: 'level', label: t('等级', 'Level') },
              { value: 'month', label: t('月份', 'Month') },
            ]}
          />
        }
      >
        <Table<Item>
          rowKey="key"
          size="small"
          loading={grouped.isLoading}
          dataSource={grouped.data?.items}
          pagination={{ pageSize: 15 }}
          scroll={{ x: 720 }}
          columns={[
            { title: t('分组', 'Group'), render: (_, i) => label(i.label) },
            { title: t('事故起数', 'Accidents'), dataIndex: 'accidents' },
            { title: t('同比', 'YoY'), dataIndex: 'accidentsChangePercent', render: change },
            { title: t('死亡（含失踪）', 'Deaths'), dataIndex: 'deaths' },
            { title: t('同比', 'YoY'), dataIndex: 'deathsChangePercent', render: change },
            { title: t('重伤', 'Serious'), dataIndex: 'seriousInjuries' },
            { title: t('直接经济损失（万元）', 'Direct loss (10,000 yuan)'), dataIndex: 'directLossWan' },
            { title: t('其中导入起数/死亡', 'Of which imported'), render: (_, i) => `${i.imported.accidents} / ${i.imported.deaths}` },
          ]}
        />
      </Card>
      <HotspotTables areaCode={areaCode} />
    </Space>
  );
}
