// 主要负责人履责专项检查频次: per period of the year (street monthly, district quarterly, city half-yearly) the share of
// the jurisdiction's enterprises inspected at least once by that level, and the enterprises not yet inspected in the
// chosen period (paged on the server).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Progress, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';

type Level = 'street' | 'district' | 'city';

export function PrincipalDutyCard({ year }: { year: number }) {
  const { t, label } = useI18n();
  const [level, setLevel] = useState<Level | undefined>();
  const [period, setPeriod] = useState<number | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const q = useQuery({
    queryKey: ['principal-duty', year, level, period, page],
    queryFn: () => call('GET /api/enforcement/principal-duty', { query: { year, level, period, ...page } }),
    placeholderData: (p) => p,
  });
  const r = q.data;
  const periodName = (p: number, l: Level) =>
    l === 'street' ? t(`${p}月`, `Month ${p}`) : l === 'district' ? t(`第${p}季度`, `Q${p}`) : t(p === 1 ? '上半年' : '下半年', `H${p}`);
  return (
    <Card
      title={t('企业主要负责人履责专项检查频次', 'Principal-duty inspection frequency')}
      loading={!r}
      data-testid="principal-duty"
      extra={
        <Select<Level>
          style={{ width: 160 }}
          value={level ?? (r?.level as Level | undefined)}
          onChange={(v) => {
            setLevel(v);
            setPeriod(undefined);
            setPage({ ...page, page: 1 });
          }}
          options={[
            { value: 'street', label: t('街道（每月）', 'Street (monthly)') },
            { value: 'district', label: t('区县（每季度）', 'District (quarterly)') },
            { value: 'city', label: t('市级（每半年）', 'City (half-yearly)') },
          ]}
        />
      }
    >
      {r && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {label(r.rule)} · {t('企业', 'Enterprises')} {r.enterprises} · {t('达标周期', 'Compliant periods')} {r.compliantPeriods}/
            {r.periodsBegun}
          </Typography.Text>
          <Space wrap>
            {r.periods.map((p) => (
              <Tooltip key={p.period} title={`${p.from} ~ ${p.to}: ${p.covered}/${r.enterprises}`}>
                <div
                  style={{ width: 84, cursor: 'pointer', textAlign: 'center', opacity: p.begun ? 1 : 0.4 }}
                  onClick={() => {
                    setPeriod(p.period);
                    setPage({ ...page, page: 1 });
                  }}
                >
                  <Progress
                    type="circle"
                    size={56}
                    percent={Math.floor(p.rate * 100)}
                    status={p.begun && p.covered < r.enterprises ? 'exception' : undefined}
                  />
                  <div style={{ fontWeight: p.period === r.uncovered.period ? 600 : undefined }}>
                    {periodName(p.period, r.level as Level)}
                  </div>
                </div>
              </Tooltip>
            ))}
          </Space>
          <Typography.Text>
            {periodName(r.uncovered.period, r.level as Level)} {t('未检查企业：', 'not yet inspected: ')}
            <Tag color={r.uncovered.total ? 'red' : 'green'}>{r.uncovered.total}</Tag>
          </Typography.Text>
          <Table
            rowKey="id"
            size="small"
            dataSource={r.uncovered.items}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: r.uncovered.total,
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
            columns={[
              { title: t('企业', 'Enterprise'), dataIndex: 'name', render: (v: string, e) => <Link to={`/enterprises/${e.id}`}>{v}</Link> },
              { title: t('区划', 'Area'), dataIndex: 'areaName', render: (v: string | null, e) => v ?? e.areaCode },
              {
                title: t('上次履责检查', 'Last principal-duty inspection'),
                dataIndex: 'lastInspectedOn',
                render: (v: string | null) => v ?? '—',
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
