// 公示 (no login): enterprises with accidents, penalties or major hidden dangers (seed 003 七: "一律上网公示"), from
// their active credit entries; persons' numbers masked by the server, a revoked decision gone on the next read, each
// entry shown for the disclosure period from the day it happened.
import { useState } from 'react';
import { Segmented, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { creditEntryKindLabels, type DisclosureKind } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';

export function PublicDisclosures() {
  const { t, label } = useI18n();
  const [kind, setKind] = useState<DisclosureKind | 'all'>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery({
    queryKey: ['public-credit-disclosures', kind, page],
    queryFn: () => call('GET /api/public/credit-disclosures', { query: { ...page, ...(kind === 'all' ? {} : { kind }) } }),
    placeholderData: (p) => p,
  });
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={kind}
        onChange={(v) => {
          setKind(v as DisclosureKind | 'all');
          setPage({ page: 1, pageSize: page.pageSize });
        }}
        options={[
          { value: 'all', label: t('全部', 'All') },
          { value: 'accident', label: t('事故', 'Accidents') },
          { value: 'penalty', label: t('行政处罚', 'Penalties') },
          { value: 'major_hazard', label: t('重大隐患', 'Major hidden dangers') },
          { value: 'refusal_to_rectify', label: t('拒不整改', 'Refusals to rectify') },
        ]}
      />
      <Table
        rowKey="id"
        size="middle"
        data-testid="public-credit-disclosures"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 800 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
          { title: t('统一社会信用代码', 'Credit code'), dataIndex: 'creditCode' },
          { title: t('类别', 'Kind'), dataIndex: 'kind', render: (k: DisclosureKind) => <Tag>{label(creditEntryKindLabels[k])}</Tag> },
          { title: t('事项', 'Matter'), dataIndex: 'title', ellipsis: true },
          { title: t('发生日期', 'Date'), dataIndex: 'occurredOn' },
          { title: t('公示至', 'Shown until'), dataIndex: 'shownUntil' },
        ]}
      />
    </>
  );
}
