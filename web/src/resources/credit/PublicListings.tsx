// 公示: the 严重失信主体名单 currently in force (部令第11号): published listings inside their 3-year period, the
// principal's name masked by the server; a listing leaves the page on the day its period ends or it is removed.
import { useState } from 'react';
import { Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';

export function PublicListings() {
  const { t } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery({
    queryKey: ['public-credit-listings', page],
    queryFn: () => call('GET /api/public/credit-listings', { query: page }),
    placeholderData: (p) => p,
  });
  return (
    <Table
      rowKey="id"
      size="middle"
      data-testid="public-credit-listings"
      loading={q.isLoading}
      dataSource={q.data?.items}
      scroll={{ x: 900 }}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: q.data?.total,
        onChange: (p, s) => setPage({ page: p, pageSize: s }),
      }}
      columns={[
        { title: t('失信主体', 'Party'), dataIndex: 'partyName' },
        { title: t('统一社会信用代码', 'Credit code'), dataIndex: 'creditCode' },
        { title: t('主要负责人', 'Principal'), dataIndex: 'principalName' },
        { title: t('列入事由', 'Grounds'), dataIndex: 'grounds', ellipsis: true },
        { title: t('决定书文号', 'Decision number'), dataIndex: 'documentNumber' },
        { title: t('列入日期', 'Decided'), dataIndex: 'decidedOn' },
        { title: t('管理期至', 'Period ends'), dataIndex: 'periodEnd' },
      ]}
    />
  );
}
