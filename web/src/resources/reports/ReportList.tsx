// The officers' 举报 workspace: the reports routed to the caller's area, filtered by status, category and overdue,
// with the acceptance or handling deadline; server paging. The reporter never appears here.
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  reportCategories,
  reportCategoryLabels,
  reportChannelLabels,
  reportStatuses,
  reportListQuery,
  reportStatusLabels,
  type ReportCategory,
  type ReportStatus,
  type ReportView,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { filteredList, useAddressState } from '../../app/address-state';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { DaysLeftTag } from './ReportHandling';

export function dueOf(r: Pick<ReportView, 'status' | 'acceptDue' | 'handleDue'>): string | null {
  if (r.status === 'received') return r.acceptDue;
  if (r.status === 'accepted' || r.status === 'handling') return r.handleDue;
  return null;
}

/** Status, category and overdue, and the page, in the address. */
const reportList = filteredList(reportListQuery.shape, ['status', 'category', 'overdue']);

export function ReportList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [{ filters, page }, show] = useAddressState(reportList.read, reportList.write);
  const filter = (next: typeof filters) => show({ filters: { ...filters, ...next }, page: { ...page, page: 1 } });
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: ['reports', query], queryFn: () => call('GET /api/reports', { query }), placeholderData: (p) => p });
  return (
    <Card
      title={t('举报办理', 'Public reports')}
      extra={
        can('report.intake') && (
          <Link to="/reports/new">
            <Button icon={<PlusOutlined />}>{t('登记来电来信', 'Record a report')}</Button>
          </Link>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('状态', 'Status')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status?: ReportStatus) => filter({ status })}
          options={reportStatuses.map((s) => ({ value: s, label: label(reportStatusLabels[s]) }))}
        />
        <Select
          allowClear
          placeholder={t('类别', 'Category')}
          style={{ width: 160 }}
          value={filters.category}
          onChange={(category?: ReportCategory) => filter({ category })}
          options={reportCategories.map((c) => ({ value: c, label: label(reportCategoryLabels[c]) }))}
        />
        <Space>
          <Switch checked={!!filters.overdue} onChange={(on) => filter({ overdue: on || undefined })} />
          {t('仅看逾期', 'Overdue only')}
        </Space>
      </Space>
      <Table<ReportView>
        rowKey="id"
        size="middle"
        data-testid="report-list"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => show({ page: { page: p, pageSize: s } }),
        }}
        columns={[
          { title: t('提交日期', 'Submitted'), dataIndex: 'submittedOn', width: 110 },
          { title: t('类别', 'Category'), render: (_, r) => label(reportCategoryLabels[r.category]) },
          { title: t('来源', 'Channel'), render: (_, r) => label(reportChannelLabels[r.channel]) },
          { title: t('街道', 'Area'), dataIndex: 'areaName' },
          { title: t('地点', 'Address'), dataIndex: 'address', ellipsis: true },
          { title: t('状态', 'Status'), render: (_, r) => <Tag>{label(reportStatusLabels[r.status])}</Tag> },
          {
            title: t('办理期限', 'Due'),
            width: 210,
            render: (_, r) => (
              <Space size={4} wrap>
                <Typography.Text style={{ whiteSpace: 'nowrap' }}>{dueOf(r) ?? '—'}</Typography.Text>
                <DaysLeftTag r={r} />
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
