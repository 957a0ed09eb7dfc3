// 重大事故隐患挂牌督办台账: listed major hidden dangers, overdue ones (completion or review) first.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Segmented, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ListedHazard } from '@anjian/contracts';
import { call, type RouteQuery } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { HazardTags } from './HazardTags';
import { useCodeTables } from '../../api/codeTables';

type Listed = ListedHazard;

export function ListedRegister() {
  const { t } = useI18n();
  const codes = useCodeTables();
  const [status, setStatus] = useState<string>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...page, status: status === 'all' ? undefined : status } as RouteQuery<'GET /api/hazards/listed'>;
  const list = useQuery({
    queryKey: ['hazards', 'listed', query],
    queryFn: () => call('GET /api/hazards/listed', { query }),
    placeholderData: (p) => p,
  });
  return (
    <Card title={t('重大事故隐患挂牌督办', 'Major hidden dangers under listed supervision')}>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => (setStatus(String(v)), setPage({ ...page, page: 1 }))}
        options={[{ value: 'all', label: t('全部', 'All') }, ...codes.options('hazardListingStatus')]}
      />
      <Table<Listed>
        rowKey="id"
        size="middle"
        scroll={{ x: 900 }}
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('编号', 'Number'), dataIndex: 'number', render: (v: string, h) => <Link to={`/hazards/${h.id}`}>{v}</Link> },
          { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
          { title: t('隐患', 'Hidden danger'), dataIndex: 'description', ellipsis: true },
          { title: t('督办文号', 'Document'), render: (_, h) => h.listing.documentNumber },
          { title: t('督办单位', 'By'), render: (_, h) => h.listing.supervisingOrgName },
          {
            title: t('要求完成', 'Complete by'),
            render: (_, h) => (
              <Space size={4}>
                {h.listing.requiredCompletionDate}
                {h.listing.overdue && <Tag color="red">{t('超期', 'Overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('复查期限', 'Review due'),
            render: (_, h) => (
              <Space size={4}>
                {h.listing.reviewDue ?? '—'}
                {h.listing.reviewOverdue && <Tag color="red">{t('复查超期', 'Review overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('督办状态', 'Listing'), render: (_, h) => <Tag>{codes.label('hazardListingStatus', h.listing.status)}</Tag> },
          { title: t('隐患状态', 'State'), render: (_, h) => <HazardTags hazard={h} /> },
        ]}
      />
    </Card>
  );
}
