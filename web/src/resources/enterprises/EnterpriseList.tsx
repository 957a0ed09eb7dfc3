// 企业档案 list: filters above, server-side paging and sorting, column settings, export, import, map. The filters,
// page and sort live in the address (?q=五金&sector=…&page=2), so a link, a reload or the way back from a record
// shows the same list.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Checkbox, Popover, Space, Table, Tag } from 'antd';
import { DownloadOutlined, EnvironmentOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import { ENTERPRISE_PAGE_DEPTH, type Enterprise, type EnterpriseSort } from '@anjian/contracts';
import { call, download } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { EnterpriseFilters } from './EnterpriseFilters';
import { codeTables } from './labels';
import { addressOf, listStateOf, sortOrderOf } from './listState';
import { useAddressState } from '../../app/address-state';

const COLUMNS_KEY = 'anjian.enterprise.columns';

export function EnterpriseList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [{ filters, page, sort }, show] = useAddressState(listStateOf, addressOf);
  const query = { ...filters, ...page, sort };
  const list = useQuery({
    queryKey: ['enterprises', query],
    queryFn: () => call('GET /api/enterprises', { query }),
    placeholderData: (prev) => prev,
  });
  const all: ColumnsType<Enterprise> = [
    {
      key: 'name',
      title: t('企业名称', 'Name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (v: string, r) => (
        <Space size={4}>
          <Link to={`/enterprises/${r.id}`}>{v}</Link>
          {r.isKey && <Tag color="red">{t('重点', 'Key')}</Tag>}
        </Space>
      ),
    },
    { key: 'creditCode', title: t('统一社会信用代码', 'Credit code'), dataIndex: 'creditCode' },
    { key: 'street', title: t('街道', 'Street'), dataIndex: 'streetName' },
    { key: 'area', title: t('社区', 'Community'), dataIndex: 'areaName' },
    { key: 'sector', title: t('行业', 'Sector'), dataIndex: 'sector', render: (s: Enterprise['sector']) => label(codeTables.sector[s]) },
    {
      key: 'tags',
      title: t('专项风险', 'Special hazards'),
      dataIndex: 'hazardTags',
      render: (tags: Enterprise['hazardTags']) => tags.map((x) => <Tag key={x}>{label(codeTables.hazardTags[x])}</Tag>),
    },
    { key: 'principal', title: t('主要负责人', 'Principal'), dataIndex: 'principalName' },
    { key: 'phone', title: t('联系电话', 'Phone'), dataIndex: 'principalPhone' },
    { key: 'employees', title: t('从业人数', 'Employees'), dataIndex: 'employees' },
    {
      key: 'updatedAt',
      title: t('更新时间', 'Updated'),
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'updatedAt'),
      render: (v: string) => v.slice(0, 10),
    },
  ];
  const [shown, setShown] = useState<string[]>(() => {
    const saved = localStorage.getItem(COLUMNS_KEY);
    return saved ? (JSON.parse(saved) as string[]) : ['name', 'creditCode', 'street', 'sector', 'tags', 'principal', 'updatedAt'];
  });
  const columnSettings = (
    <Checkbox.Group
      value={shown}
      onChange={(v) => {
        setShown(v as string[]);
        localStorage.setItem(COLUMNS_KEY, JSON.stringify(v));
      }}
      options={all.map((c) => ({ value: String(c.key), label: String(c.title) }))}
      style={{ display: 'grid', gap: 4 }}
    />
  );
  const exportXlsx = async () => {
    try {
      await download('/api/enterprises/export', filters);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card
      title={t('企业档案（一企一档）', 'Enterprise files')}
      extra={
        <Space wrap>
          <Button icon={<EnvironmentOutlined />} onClick={() => navigate('/enterprises/map')}>
            {t('地图', 'Map')}
          </Button>
          {can('enterprise.import') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/enterprises/import')}>
              {t('导入', 'Import')}
            </Button>
          )}
          {can('enterprise.export') && (
            <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
              {t('导出', 'Export')}
            </Button>
          )}
          {can('enterprise.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enterprises/new')}>
              {t('新建', 'New')}
            </Button>
          )}
          <Popover content={columnSettings} title={t('显示列', 'Columns')} trigger="click">
            <Button icon={<SettingOutlined />} aria-label={t('列设置', 'Column settings')} />
          </Popover>
        </Space>
      }
    >
      <EnterpriseFilters value={filters} onChange={(f) => show({ filters: f, page: { ...page, page: 1 } })} />
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        scroll={{ x: 900 }}
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={all.filter((c) => shown.includes(String(c.key)))}
        onChange={(p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          const field = one?.columnKey === 'name' ? 'name' : 'updatedAt';
          show({
            page: { page: p.current ?? 1, pageSize: p.pageSize ?? 20 },
            sort: one?.order ? ((one.order === 'descend' ? `-${field}` : field) as EnterpriseSort) : '-updatedAt',
          });
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          // Pages reach the server's paging depth; the text still states the whole total.
          total: Math.min(list.data?.total ?? 0, ENTERPRISE_PAGE_DEPTH),
          showSizeChanger: true,
          showTotal: () => {
            const n = list.data?.total ?? 0;
            if (list.data?.totalCapped)
              return t(`超过 ${n.toLocaleString()} 家，请缩小范围`, `Over ${n.toLocaleString()}: narrow the search`);
            if (n > ENTERPRISE_PAGE_DEPTH) {
              const depth = ENTERPRISE_PAGE_DEPTH.toLocaleString();
              return t(
                `共 ${n.toLocaleString()} 家（可翻阅前 ${depth} 家，请筛选或导出）`,
                `${n.toLocaleString()} in all (paging shows the first ${depth}: filter or export)`,
              );
            }
            return t(`共 ${n} 家`, `${n} in all`);
          },
        }}
      />
    </Card>
  );
}
