// The audit admin's view: search the append-only log and verify its hash chain. Actions and entity types show their
// labels (code tables auditAction / auditEntity) with the exact code beside them, as the auditor searches and cites it.
// On a phone the table becomes a list of cards (as the hidden-danger board does).
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Grid, Input, Select, Space, Table, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { auditResultLabels, auditResults, type AuditEntry } from '@anjian/contracts';
import type { Dayjs } from 'dayjs';
import { call, type RouteQuery } from '../../api/client';
import { useCodeTables } from '../../api/codeTables';
import { useI18n } from '../../app/i18n';
import { AuditEntryList } from './AuditEntryList';
import { useAuditLabels, type AuditCodeTable } from './AuditLabels';

interface Filters {
  actor?: string;
  action?: string;
  entityType?: string;
  result?: string;
  range?: [Dayjs, Dayjs];
}

export function AuditList() {
  const { t, label } = useI18n();
  const codes = useCodeTables();
  const { message } = App.useApp();
  const { labelled, resultTag } = useAuditLabels();
  const phone = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = {
    actor: filters.actor,
    action: filters.action,
    entityType: filters.entityType,
    result: filters.result,
    from: filters.range?.[0]?.format('YYYY-MM-DD'),
    to: filters.range?.[1]?.format('YYYY-MM-DD'),
    ...page,
  } as RouteQuery<'GET /api/audit'>;
  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => call('GET /api/audit', { query }),
  });
  const verify = async () => {
    const r = await call('POST /api/audit/verify');
    if (r.ok) message.success(t(`哈希链完整，已校验 ${r.checked} 条`, `Chain intact: ${r.checked} entries checked`));
    else
      message.error(
        t(
          `哈希链自第 ${r.firstBrokenId} 条起有 ${r.brokenCount} 条被篡改（共校验 ${r.checked} 条）`,
          `Chain broken: ${r.brokenCount} entries altered, the first is ${r.firstBrokenId} (${r.checked} checked)`,
        ),
      );
  };
  // A search over a code table: found by label or code, each option showing both, the chosen one by its label.
  const codeSelect = (table: AuditCodeTable, placeholder: string) => (
    <Select
      allowClear
      showSearch
      placeholder={placeholder}
      style={{ width: 200 }}
      popupMatchSelectWidth={360}
      optionFilterProp="search"
      loading={!codes.ready}
      options={Object.entries(codes.tables?.[table] ?? {})
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([value, b]) => ({ value, label: label(b), search: `${label(b)} ${value}` }))}
      optionRender={(o) => (
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>{o.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.value}
          </Typography.Text>
        </Space>
      )}
    />
  );
  const pagination = {
    current: page.page,
    pageSize: page.pageSize,
    total: list.data?.total,
    onChange: (p: number, s: number) => setPage({ page: p, pageSize: s }),
  };
  return (
    <Card
      title={t('审计日志', 'Audit log')}
      extra={
        <Button icon={<SafetyOutlined />} onClick={verify}>
          {t('校验完整性', 'Verify chain')}
        </Button>
      }
      styles={{ body: { padding: phone ? 8 : undefined } }}
    >
      <Form
        layout="inline"
        onFinish={(v: Filters) => (setFilters(v), setPage({ ...page, page: 1 }))}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="actor">
          <Input placeholder={t('操作人', 'Actor')} allowClear />
        </Form.Item>
        <Form.Item name="action">{codeSelect('auditAction', t('操作', 'Action'))}</Form.Item>
        <Form.Item name="entityType">{codeSelect('auditEntity', t('对象类型', 'Entity type'))}</Form.Item>
        <Form.Item name="result">
          <Select
            allowClear
            placeholder={t('结果', 'Result')}
            style={{ width: 120 }}
            options={auditResults.map((v) => ({ value: v, label: label(auditResultLabels[v]) }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('查询', 'Search')}
        </Button>
      </Form>
      {phone ? (
        <AuditEntryList items={list.data?.items} loading={list.isLoading} pagination={pagination} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          scroll={{ x: 1000 }}
          loading={list.isLoading}
          dataSource={list.data?.items}
          pagination={pagination}
          expandable={{
            expandedRowRender: (r) => (
              <Space align="start" wrap>
                <pre style={{ maxWidth: 480, overflow: 'auto' }}>{JSON.stringify(r.before, null, 2)}</pre>
                <pre style={{ maxWidth: 480, overflow: 'auto' }}>{JSON.stringify(r.after, null, 2)}</pre>
              </Space>
            ),
          }}
          columns={[
            { title: '#', dataIndex: 'id', width: 70 },
            { title: t('时间', 'Time'), dataIndex: 'at', render: (v: string) => v.replace('T', ' ').slice(0, 19) },
            { title: t('操作人', 'Actor'), dataIndex: 'actorName' },
            { title: t('操作', 'Action'), dataIndex: 'action', width: 240, render: (v: string) => labelled('auditAction', v) },
            {
              title: t('对象', 'Entity'),
              render: (_, r) => (r.entityType ? labelled('auditEntity', r.entityType, r.entityId) : r.entityId),
            },
            { title: 'IP', dataIndex: 'ip' },
            { title: t('结果', 'Result'), dataIndex: 'result', render: resultTag },
          ]}
        />
      )}
    </Card>
  );
}
