// 宣传覆盖 for officers: the campaigns in scope with a form to start one for the caller's area (四个一, quarterly theme,
// 安全生产月), and for the chosen campaign its coverage per street or sector (maintained on the server) and the
// enterprises not yet reached, each with what it still lacks and a button to record a hand delivery.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  campaignKindLabels,
  campaignKinds,
  publicityItemLabels,
  sectorLabels,
  type CampaignKind,
  type Sector,
  type TargetView,
} from '@anjian/contracts';
import { useCommand, useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { ErrorDisplay } from '../../components/ErrorDisplay';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

export function PublicityPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const q = useList('GET /api/publicity/campaigns', { query: { page, pageSize: 20 } });
  const create = useCommand('POST /api/publicity/campaigns', ['GET /api/publicity/campaigns'], (c) => {
    message.success(t('已开展', 'Started'));
    setSelected(c.id);
  });
  const [form] = Form.useForm<{ title: string; kind: CampaignKind; theme?: string; range: [Dayjs, Dayjs] }>();
  const canCreate = !!user?.permissions.includes('publicity.manage') && !!user.areaCode;
  return (
    <Card title={t('宣传覆盖', 'Publicity reach')}>
      {canCreate && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          initialValues={{ kind: 'four_ones' }}
          onFinish={(v) =>
            create.mutate({
              body: {
                title: v.title,
                kind: v.kind,
                theme: v.theme || undefined,
                areaCode: user!.areaCode!,
                startsOn: v.range[0].format('YYYY-MM-DD'),
                endsOn: v.range[1].format('YYYY-MM-DD'),
              },
            })
          }
        >
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('活动名称', 'Title')} />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 160 }} options={campaignKinds.map((k) => ({ value: k, label: label(campaignKindLabels[k]) }))} />
          </Form.Item>
          <Form.Item name="theme">
            <Input placeholder={t('主题', 'Theme')} />
          </Form.Item>
          <Form.Item name="range" rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('开展活动', 'Start')}
          </Button>
        </Form>
      )}
      {create.error && <ErrorDisplay error={create.error} />}
      {q.error && <ErrorDisplay error={q.error} />}
      <Table
        rowKey="id"
        size="small"
        data-testid="publicity-campaigns"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 760 }}
        onRow={(c) => ({ onClick: () => setSelected(c.id), style: { cursor: 'pointer' } })}
        rowClassName={(c) => (c.id === selected ? 'ant-table-row-selected' : '')}
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage }}
        columns={[
          { title: t('活动', 'Campaign'), dataIndex: 'title' },
          { title: t('类别', 'Kind'), render: (_, c) => label(campaignKindLabels[c.kind]) },
          { title: t('期间', 'Period'), render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
          { title: t('宣传内容', 'Items'), render: (_, c) => c.items.map((i) => <Tag key={i}>{label(publicityItemLabels[i])}</Tag>) },
          { title: t('覆盖率', 'Coverage'), render: (_, c) => `${pct(c.rate)} (${c.reached}/${c.targets})` },
        ]}
      />
      {selected && <CampaignCoverage id={selected} />}
    </Card>
  );
}

function CampaignCoverage({ id }: { id: string }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [by, setBy] = useState<'street' | 'sector'>('street');
  const [page, setPage] = useState(1);
  const coverage = useList('GET /api/publicity/campaigns/:id/coverage', { params: { id }, query: { by } });
  const unreached = useList('GET /api/publicity/campaigns/:id/unreached', { params: { id }, query: { page, pageSize: 20 } });
  const deliver = useCommand(
    'POST /api/publicity/targets/:id/deliveries',
    ['GET /api/publicity/campaigns/:id/unreached', 'GET /api/publicity/campaigns/:id/coverage', 'GET /api/publicity/campaigns'],
    () => message.success(t('已登记', 'Recorded')),
  );
  const missing = (x: TargetView) => x.items.filter((i) => !x.delivered.some((d) => d.item === i));
  return (
    <>
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={t('覆盖情况', 'Coverage')}
        extra={
          <Select
            value={by}
            onChange={setBy}
            options={[
              { value: 'street', label: t('按街道', 'By street') },
              { value: 'sector', label: t('按行业', 'By sector') },
            ]}
          />
        }
      >
        {coverage.error && <ErrorDisplay error={coverage.error} />}
        <Table
          rowKey="key"
          size="small"
          data-testid="publicity-coverage"
          loading={coverage.isLoading}
          dataSource={coverage.data ? [...coverage.data.items, { ...coverage.data.total, name: t('合计', 'Total') }] : []}
          pagination={false}
          columns={[
            {
              title: by === 'street' ? t('街道', 'Street') : t('行业', 'Sector'),
              render: (_, r) => r.name ?? (r.key in sectorLabels ? label(sectorLabels[r.key as Sector]) : r.key),
            },
            { title: t('应覆盖企业', 'Targets'), dataIndex: 'targets' },
            { title: t('已覆盖', 'Reached'), dataIndex: 'reached' },
            { title: t('覆盖率', 'Rate'), render: (_, r) => pct(r.rate) },
          ]}
        />
      </Card>
      <Card size="small" style={{ marginTop: 12 }} title={t('未覆盖企业', 'Enterprises not yet reached')}>
        {(unreached.error || deliver.error) && <ErrorDisplay error={unreached.error ?? deliver.error} />}
        <Table
          rowKey="id"
          size="small"
          data-testid="publicity-unreached"
          loading={unreached.isLoading}
          dataSource={unreached.data?.items}
          scroll={{ x: 640 }}
          pagination={{ current: page, pageSize: 20, total: unreached.data?.total, onChange: setPage }}
          columns={[
            { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
            { title: t('尚缺', 'Missing'), render: (_, x) => missing(x).map((i) => <Tag key={i}>{label(publicityItemLabels[i])}</Tag>) },
            {
              title: '',
              render: (_, x) =>
                x.abilities.includes('deliver') && (
                  <Space>
                    <Button
                      size="small"
                      onClick={() => deliver.mutate({ params: { id: x.id }, body: { version: x.version, items: missing(x) } })}
                    >
                      {t('登记已送达', 'Record delivered')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
