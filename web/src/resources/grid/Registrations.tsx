// 网格登记 review: provisional units filed by grid inspectors. The street confirms one by creating the enterprise
// through the enterprise form (prefilled; the form confirms the registration with the new enterprise once saved),
// merges it into an existing enterprise, or rejects it with a reason. Buttons come from `abilities`.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Result, Select, Skeleton, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  gridRegistrationActionLabels,
  gridRegistrationStatusLabels,
  gridRegistrationStatuses,
  type GridRegistrationStatus,
  type GridRegistrationView,
} from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { cstDateTime } from '../../app/time';
import { joinMessages } from '../../components/apiErrors';

const statusColour: Record<GridRegistrationStatus, string> = { pending: 'orange', confirmed: 'green', merged: 'blue', rejected: 'default' };

export function RegistrationList() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [status, setStatus] = useState<GridRegistrationStatus | undefined>('pending');
  const [page, setPage] = useState(1);
  const list = useList('GET /api/grid/registrations', { query: { status, page, pageSize: 20 } });
  return (
    <Card title={t('网格登记', 'Units registered on patrol')}>
      <Select
        allowClear
        style={{ width: 160, marginBottom: 12 }}
        value={status}
        onChange={(v) => (setStatus(v), setPage(1))}
        placeholder={t('状态', 'Status')}
        options={gridRegistrationStatuses.map((s) => ({ value: s, label: label(gridRegistrationStatusLabels[s]) }))}
      />
      <Table<GridRegistrationView>
        rowKey="id"
        size="middle"
        data-testid="grid-registrations"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 700 }}
        onRow={(r) => ({ onClick: () => navigate(`/grid-registrations/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('地址', 'Address'), dataIndex: 'address' },
          { title: t('网格', 'Grid'), render: (_, r) => r.areaName ?? r.areaCode },
          { title: t('登记人', 'By'), dataIndex: 'registeredByName' },
          { title: t('登记时间', 'When'), render: (_, r) => cstDateTime(r.registeredAt) },
          {
            title: t('状态', 'Status'),
            render: (_, r) => <Tag color={statusColour[r.status]}>{label(gridRegistrationStatusLabels[r.status])}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

export function RegistrationShow() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const key = ['GET /api/grid/registrations/:id', id];
  const q = useQuery({ queryKey: key, queryFn: () => call('GET /api/grid/registrations/:id', { params: { id: id! } }), retry: false });
  const [merging, setMerging] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [search, setSearch] = useState('');
  const [target, setTarget] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const candidates = useQuery({
    queryKey: ['enterprises', 'grid-merge', search],
    queryFn: () => call('GET /api/enterprises', { query: { q: search, pageSize: 20 } }),
    enabled: merging && search.length >= 2,
  });
  if (q.isLoading) return <Skeleton active />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title="404" subTitle={t('记录不存在', 'No such record')} />;
  if (!q.data) return <Alert type="error" message={String(q.error)} />;
  const r = q.data;
  const act = async (body: { action: 'merge' | 'reject'; enterpriseId?: string; reason?: string }) => {
    try {
      await call('POST /api/grid/registrations/:id/act', { params: { id: r.id }, body: { ...body, version: r.version } });
      setMerging(false);
      setRejecting(false);
      await qc.invalidateQueries({ queryKey: key });
      await qc.invalidateQueries({ queryKey: ['GET /api/grid/registrations'] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('该记录已被他人处理，已刷新', 'Someone else decided on it; reloaded'));
        await qc.invalidateQueries({ queryKey: key });
        return;
      }
      message.error(e instanceof ApiError ? joinMessages([e.message, ...e.details.map((d) => d.message)]) : String(e));
    }
  };
  const confirm = () =>
    navigate('/enterprises/new', {
      state: {
        prefill: {
          name: r.name,
          address: r.address,
          areaCode: r.areaCode,
          ...(r.creditCode ? { creditCode: r.creditCode } : {}),
          ...(r.sector ? { sector: r.sector } : {}),
          ...(r.principalName ? { principalName: r.principalName } : {}),
          ...(r.lon !== null ? { longitude: r.lon, latitude: r.lat } : {}),
        },
        gridRegistration: { id: r.id, version: r.version },
      },
    });
  return (
    <Card
      title={`${t('网格登记', 'Registered on patrol')} · ${r.name}`}
      extra={<Tag color={statusColour[r.status]}>{label(gridRegistrationStatusLabels[r.status])}</Tag>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {r.abilities.includes('confirm') && (
          <Button type="primary" onClick={confirm}>
            {label(gridRegistrationActionLabels.confirm)}
          </Button>
        )}
        {r.abilities.includes('merge') && <Button onClick={() => setMerging(true)}>{label(gridRegistrationActionLabels.merge)}</Button>}
        {r.abilities.includes('reject') && (
          <Button danger onClick={() => setRejecting(true)}>
            {label(gridRegistrationActionLabels.reject)}
          </Button>
        )}
      </Space>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('地址', 'Address')}>{r.address}</Descriptions.Item>
        <Descriptions.Item label={t('网格', 'Grid')}>{r.areaName ?? r.areaCode}</Descriptions.Item>
        <Descriptions.Item label={t('经营内容', 'What it does')}>{r.businessDescription ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('统一社会信用代码', 'Credit code')}>{r.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('负责人', 'Person in charge')}>
          {r.principalName ?? '—'} {r.principalPhone ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('登记人', 'Registered by')}>
          {r.registeredByName} · {cstDateTime(r.registeredAt)}
        </Descriptions.Item>
        {r.enterpriseId && (
          <Descriptions.Item label={t('企业档案', 'Enterprise')}>
            <a onClick={() => navigate(`/enterprises/${r.enterpriseId}`)}>{r.enterpriseName}</a>
          </Descriptions.Item>
        )}
        {r.reason && <Descriptions.Item label={t('理由', 'Reason')}>{r.reason}</Descriptions.Item>}
      </Descriptions>
      <Modal
        open={merging}
        title={label(gridRegistrationActionLabels.merge)}
        onCancel={() => setMerging(false)}
        onOk={() => target && void act({ action: 'merge', enterpriseId: target })}
      >
        <Select
          showSearch
          style={{ width: '100%' }}
          filterOption={false}
          placeholder={t('输入企业名称搜索', 'Search by name')}
          onSearch={setSearch}
          value={target}
          onChange={setTarget}
          options={candidates.data?.items.map((e) => ({ value: e.id, label: `${e.name} · ${e.address}` }))}
        />
      </Modal>
      <Modal
        open={rejecting}
        title={label(gridRegistrationActionLabels.reject)}
        onCancel={() => setRejecting(false)}
        onOk={() => void act({ action: 'reject', reason })}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('退回理由', 'Reason')} />
      </Modal>
    </Card>
  );
}
