// The district's four-colour picture (安全风险四色分布): enterprises by overall colour per street (or per
// community when drilled into) or per sector, as stacked bars, with the counts in a table below. Read from the
// per-enterprise summary, so it stays fast for a whole district.
import { useMemo, useState } from 'react';
import { Breadcrumb, Card, Segmented, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { RiskDistribution } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../components/EChart';
import { colourHex, noneColour, useRiskReference } from '../../resources/risks/riskUi';
import { RiskSettingsCard } from './RiskSettingsCard';

type Group = RiskDistribution['groups'][number];
const levels = ['major', 'significant', 'general', 'low'] as const;
const levelColours = { major: colourHex.red, significant: colourHex.orange, general: colourHex.yellow, low: colourHex.blue };

export function RiskDistributionPage() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const ref = useRiskReference();
  const [groupBy, setGroupBy] = useState<'area' | 'sector'>('area');
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const areaCode = trail[trail.length - 1]?.code;
  const q = useQuery({
    queryKey: ['risk-distribution', groupBy, areaCode],
    queryFn: () => call('GET /api/risks/distribution', { query: { groupBy, areaCode } }),
  });
  const groups = q.data?.groups ?? [];
  const levelLabel = (k: (typeof levels)[number]) => label(ref.data?.levels.find((l) => l.key === k)?.label) || k;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      // Enterprises without a register outnumber the coloured ones early on; their bar is one legend click away.
      legend: { top: 0, selected: { [t('未评价', 'Not assessed')]: false } },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: t('企业数', 'Enterprises') },
      series: [
        ...levels.map((k) => ({
          name: levelLabel(k),
          type: 'bar',
          stack: 'e',
          itemStyle: { color: levelColours[k] },
          data: groups.map((g) => g.enterprises[k]),
        })),
        {
          name: t('未评价', 'Not assessed'),
          type: 'bar',
          stack: 'e',
          itemStyle: { color: noneColour },
          data: groups.map((g) => g.enterprises.none),
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [groups, ref.data, t],
  );
  const drill = (g: Group) => groupBy === 'area' && g.key.length < 15 && setTrail([...trail, { code: g.key, name: g.name }]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={t('风险四色分布', 'Four-colour risk distribution')}
        extra={
          <Segmented
            value={groupBy}
            onChange={(v) => (setGroupBy(v as 'area' | 'sector'), setTrail([]))}
            options={[
              { value: 'area', label: t('按区域', 'By area') },
              { value: 'sector', label: t('按行业', 'By sector') },
            ]}
          />
        }
      >
        {groupBy === 'area' && (
          <Breadcrumb
            style={{ marginBottom: 8 }}
            items={[
              { title: <a onClick={() => setTrail([])}>{t('全辖区', 'Whole jurisdiction')}</a> },
              ...trail.map((s, i) => ({ title: <a onClick={() => setTrail(trail.slice(0, i + 1))}>{s.name}</a> })),
            ]}
          />
        )}
        <EChart option={option} height={340} testId="risk-distribution-chart" />
        <Table<Group>
          rowKey="key"
          size="small"
          loading={q.isLoading}
          dataSource={groups}
          pagination={false}
          scroll={{ x: 640 }}
          onRow={(g) => ({ onClick: () => drill(g), style: { cursor: groupBy === 'area' ? 'pointer' : 'default' } })}
          columns={[
            { title: groupBy === 'area' ? t('区域', 'Area') : t('行业', 'Sector'), dataIndex: 'name' },
            ...levels.map((k) => ({
              title: <span style={{ color: levelColours[k] }}>■ {levelLabel(k)}</span>,
              render: (_: unknown, g: Group) => `${g.enterprises[k]}${t('（', ' (')}${g.events[k]}${t('）', ')')}`,
            })),
            { title: t('未评价', 'Not assessed'), render: (_: unknown, g: Group) => g.enterprises.none },
          ]}
          footer={() => t('数字为企业数（括号内为风险事件数）', 'Enterprises (open risk events in brackets)')}
        />
      </Card>
      {can('risk.manageTemplates') && <RiskSettingsCard />}
    </Space>
  );
}
