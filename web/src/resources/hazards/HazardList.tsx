// The supervision board (隐患排查治理): by state with counts, overdue first, filters above, server paging.
// On a phone the table becomes a list of cards. The tab, filters and page live in the address.
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Grid, List, Segmented, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { HazardSummary } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useAddressState } from '../../app/address-state';
import { HazardFilters, type HazardFilterValues } from './HazardFilters';
import { addressOf, boardStateOf, type Tab } from './boardState';
import { HazardTags } from './HazardTags';

export interface HazardListProps {
  /** Fixed filters (the enterprise file's tab shows one enterprise). */
  fixed?: HazardFilterValues & { enterpriseId?: string };
  compact?: boolean;
}

export function HazardList({ fixed, compact }: HazardListProps) {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const mobile = !Grid.useBreakpoint().md;
  // The board keeps its tab, filters and page in the address (the workbench's figures link here with ?tab= and
  // ?grade=); inside an enterprise file's tab they stay in the component.
  const [{ tab, filters, page }, show] = useAddressState(boardStateOf, addressOf, !fixed);
  const query = {
    ...filters,
    ...fixed,
    ...page,
    state: tab === 'all' || tab === 'open' || tab === 'overdue' ? undefined : tab,
    open: tab === 'open' ? true : undefined,
    overdue: tab === 'overdue' ? true : undefined,
  };
  const list = useQuery({ queryKey: ['hazards', query], queryFn: () => call('GET /api/hazards', { query }), placeholderData: (p) => p });
  const counts = list.data?.counts ?? {};
  const open = ['reported', 'rectifying', 'awaiting_acceptance'].reduce((s, k) => s + (counts[k] ?? 0), 0);
  const all = open + (counts.closed ?? 0);
  const tabs: { value: Tab; label: string }[] = [
    { value: 'all', label: `${t('全部', 'All')} ${all}` },
    { value: 'open', label: `${t('未闭环', 'Open')} ${open}` },
    { value: 'overdue', label: `${t('逾期', 'Overdue')} ${counts.overdue ?? 0}` },
    { value: 'reported', label: `${t('已登记', 'Reported')} ${counts.reported ?? 0}` },
    { value: 'rectifying', label: `${t('整改中', 'Rectifying')} ${counts.rectifying ?? 0}` },
    { value: 'awaiting_acceptance', label: `${t('待验收', 'To accept')} ${counts.awaiting_acceptance ?? 0}` },
    { value: 'closed', label: `${t('已销号', 'Closed')} ${counts.closed ?? 0}` },
  ];
  const reportUrl = fixed?.enterpriseId ? `/hazards/new?enterpriseId=${fixed.enterpriseId}` : '/hazards/new';
  const pagination = {
    current: page.page,
    pageSize: page.pageSize,
    total: list.data?.total,
    onChange: (p: number, s: number) => show({ page: { page: p, pageSize: s } }),
  };
  return (
    <Card
      title={compact ? undefined : t('隐患排查治理', 'Hidden dangers')}
      extra={
        can('hazard.report') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(reportUrl)} data-testid="hazard-report-button">
            {t('上报隐患', 'Report')}
          </Button>
        )
      }
      styles={{ body: { padding: mobile ? 8 : undefined } }}
    >
      {!compact && <HazardFilters value={filters} onChange={(v) => show({ filters: v, page: { ...page, page: 1 } })} />}
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={tab}
          onChange={(v) => show({ tab: v as Tab, page: { ...page, page: 1 } })}
          options={tabs}
          data-testid="hazard-tabs"
        />
      </div>
      {mobile ? (
        <List
          loading={list.isLoading}
          dataSource={list.data?.items}
          pagination={pagination}
          renderItem={(h) => (
            <List.Item onClick={() => navigate(`/hazards/${h.id}`)} style={{ cursor: 'pointer' }} data-testid="hazard-row">
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Typography.Text strong>{h.description}</Typography.Text>
                  </Space>
                }
                description={
                  <Space direction="vertical" size={2}>
                    <HazardTags hazard={h} />
                    <Typography.Text type="secondary">
                      {h.number} · {h.enterpriseName} · {h.deadline ? t(`期限 ${h.deadline}`, `Due ${h.deadline}`) : h.foundOn}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<HazardSummary>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items}
          pagination={{ ...pagination, showSizeChanger: true }}
          onRow={() => ({ 'data-testid': 'hazard-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('编号', 'Number'), dataIndex: 'number', render: (v: string, h) => <Link to={`/hazards/${h.id}`}>{v}</Link> },
            { title: t('隐患描述', 'Description'), dataIndex: 'description', ellipsis: true },
            ...(fixed?.enterpriseId ? [] : [{ title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName', ellipsis: true }]),
            { title: t('区域', 'Area'), dataIndex: 'areaName' },
            { title: t('状态', 'State'), render: (_: unknown, h: HazardSummary) => <HazardTags hazard={h} /> },
            { title: t('整改期限', 'Deadline'), dataIndex: 'deadline', render: (v: string | null) => v ?? '—' },
            { title: t('发现日期', 'Found'), dataIndex: 'foundOn' },
          ]}
        />
      )}
    </Card>
  );
}
