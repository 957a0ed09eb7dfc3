// 职业健康指标: the rates of seeds 002 and 004 per street or sector, each with its numerator and denominator and the
// configured target (met in green, short in red), and the enterprises whose annual detection is due or overdue.
import { useState } from 'react';
import { Card, Select, Table, Tabs, Tag, Tooltip } from 'antd';
import { ohIndicatorLabels, sectorLabels, type Sector } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

export function OhRatesPage() {
  const { t } = useI18n();
  return (
    <Card title={t('职业健康', 'Occupational health')}>
      <Tabs
        items={[
          { key: 'rates', label: t('指标完成情况', 'Rates against targets'), children: <Rates /> },
          { key: 'due', label: t('检测到期', 'Detection due'), children: <Due /> },
        ]}
      />
    </Card>
  );
}

function Rates() {
  const { t, label } = useI18n();
  const [by, setBy] = useState<'street' | 'sector'>('street');
  const q = useList('GET /api/occupational-health/rates', { query: { by, pageSize: 100 } });
  const targets = q.data?.targets ?? [];
  return (
    <>
      <Select
        style={{ marginBottom: 12 }}
        value={by}
        onChange={setBy}
        options={[
          { value: 'street', label: t('按街道', 'By street') },
          { value: 'sector', label: t('按行业', 'By sector') },
        ]}
      />
      {q.error && <ErrorDisplay error={q.error} />}
      <Table
        rowKey="key"
        size="small"
        data-testid="oh-rates"
        loading={q.isLoading}
        dataSource={q.data ? [...q.data.items, { ...q.data.overall, name: t('合计', 'Total') }] : []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: by === 'street' ? t('街道', 'Street') : t('行业', 'Sector'),
            render: (_, r) => r.name ?? (r.key in sectorLabels ? label(sectorLabels[r.key as Sector]) : r.key),
          },
          ...targets.map((tg, i) => ({
            key: tg.indicator,
            title: (
              <Tooltip title={tg.source}>
                {label(ohIndicatorLabels[tg.indicator])} ≥ {pct(tg.target)}
              </Tooltip>
            ),
            render: (_: unknown, r: (typeof q.data & object)['overall']) => {
              const c = r.indicators[i]!;
              return (
                <Tag color={c.met === null ? undefined : c.met ? 'green' : 'red'}>
                  {pct(c.rate)} ({c.numerator}/{c.denominator})
                </Tag>
              );
            },
          })),
        ]}
      />
    </>
  );
}

function Due() {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const q = useList('GET /api/occupational-health/detection-due', { query: { withinDays: 30, page, pageSize: 20 } });
  return (
    <>
      {q.error && <ErrorDisplay error={q.error} />}
      <Table
        rowKey="enterpriseId"
        size="small"
        data-testid="oh-detection-due"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage }}
        columns={[
          { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
          { title: t('行业', 'Sector'), render: (_, r) => (r.sector in sectorLabels ? label(sectorLabels[r.sector as Sector]) : r.sector) },
          { title: t('最近检测', 'Last detection'), render: (_, r) => r.lastDetectionOn ?? '—' },
          {
            title: t('应检日期', 'Due'),
            render: (_, r) => (
              <>
                {r.nextDetectionDue ?? '—'} {r.overdue && <Tag color="red">{t('已到期', 'Overdue')}</Tag>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
