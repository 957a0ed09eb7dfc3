// 事故台账: server-side paged list with filters (kept in the address); an enterprise file shows the same list fixed to
// itself.
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Space, Table } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { accidentListQuery, type AccidentSummary } from '@anjian/contracts';
import { call } from '../../api/client';
import { filteredList, useAddressState } from '../../app/address-state';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { AccidentFilters } from './AccidentFilters';
import { useAccidentCodes } from './codeTables';
import { LevelTag, TimelinessTag } from './LevelTag';
import { cstDateTime } from '../../app/time';

export interface AccidentListProps {
  /** Filters the list is locked to (an enterprise's own accidents). */
  fixed?: { enterpriseId?: string };
  compact?: boolean;
}

const accidentList = filteredList(accidentListQuery.shape, ['year', 'from', 'to', 'areaCode', 'category', 'level', 'q']);

export function AccidentList({ fixed, compact }: AccidentListProps) {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { find } = useAccidentCodes();
  // Filters and page in the address on the ledger; in the component inside an enterprise file.
  const [{ filters, page }, show] = useAddressState(accidentList.read, accidentList.write, !fixed);
  const query = { ...filters, ...fixed, ...page };
  const list = useQuery({
    queryKey: ['accidents', query],
    queryFn: () => call('GET /api/accidents', { query }),
    placeholderData: (p) => p,
  });
  const table = (
    <>
      {!compact && <AccidentFilters value={filters} onChange={(v) => show({ filters: v, page: { ...page, page: 1 } })} />}
      <Table<AccidentSummary>
        rowKey="id"
        size="middle"
        scroll={{ x: 960 }}
        loading={list.isLoading}
        dataSource={list.data?.items}
        data-testid="accident-table"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (n) => t(`共 ${n} 起`, `${n} accidents`),
          onChange: (p, s) => show({ page: { page: p, pageSize: s } }),
        }}
        columns={[
          {
            title: t('发生时间', 'Time'),
            dataIndex: 'occurredAt',
            width: 150,
            render: (v: string, a) => <Link to={`/accidents/${a.id}`}>{cstDateTime(v)}</Link>,
          },
          { title: t('地点', 'Place'), render: (_, a) => `${a.areaName ?? a.areaCode} ${a.address}` },
          { title: t('单位', 'Unit'), render: (_, a) => a.enterpriseName ?? a.unitName ?? '—' },
          { title: t('类型', 'Category'), dataIndex: 'category', render: (c: string) => label(find('categories', c)) },
          { title: t('死亡', 'Deaths'), dataIndex: 'deaths', width: 70 },
          { title: t('失踪', 'Missing'), dataIndex: 'missing', width: 70 },
          { title: t('重伤', 'Serious'), dataIndex: 'seriousInjuries', width: 70 },
          { title: t('等级', 'Level'), dataIndex: 'level', render: (l: AccidentSummary['level']) => <LevelTag level={l} /> },
          { title: t('报告', 'Reporting'), dataIndex: 'reporting', render: (r: string) => <TimelinessTag value={r} /> },
          {
            title: t('操作', 'Actions'),
            render: (_, a) => (
              <Button type="link" size="small" onClick={() => navigate(`/accidents/${a.id}`)}>
                {t('查看', 'Open')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
  if (compact) return table;
  return (
    <Card
      title={t('事故台账', 'Accident register')}
      extra={
        <Space>
          <Button icon={<BarChartOutlined />} onClick={() => navigate('/accident-analysis')}>
            {t('事故分析', 'Analysis')}
          </Button>
          {can('accident.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/accidents/new')} data-testid="accident-new">
              {t('登记事故', 'Register accident')}
            </Button>
          )}
        </Space>
      }
    >
      {table}
    </Card>
  );
}
