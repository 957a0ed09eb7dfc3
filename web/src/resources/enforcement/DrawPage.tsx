// 双随机: filters, the published weight table (editable per draw), the draw with its seed and result, verification
// and publication; earlier draws below.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sectors, type Draw } from '@anjian/contracts';
import { call, type RouteBody } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { AreaCascader } from '../../components/AreaCascader';
import { errorText } from '../../components/ErrorDisplay';
import { cstDateTime } from '../../app/time';

type Weights = Draw['weightTable'];

export function DrawPage() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [current, setCurrent] = useState<Draw | null>(null);
  const [verified, setVerified] = useState<{ matches: boolean; poolUnchanged: boolean } | null>(null);
  const meta = useQuery({ queryKey: ['draw-weights'], queryFn: () => call('GET /api/enforcement/draws/weights') });
  const [weights, setWeights] = useState<Weights | null>(null);
  const table = weights ?? meta.data?.defaults ?? null;
  const list = useQuery({
    queryKey: ['draws'],
    queryFn: () => call('GET /api/enforcement/draws', { query: { pageSize: 50 } }),
  });

  const draw = useMutation({
    mutationFn: (v: RouteBody<'POST /api/enforcement/draws'>) => call('POST /api/enforcement/draws', { body: v }),
    onSuccess: (d) => (setCurrent(d), setVerified(null), void qc.invalidateQueries({ queryKey: ['draws'] })),
    onError: (e: Error) => message.error(e.message),
  });
  const submit = (v: {
    title: string;
    k: number;
    area?: string;
    sector?: string;
    tag?: string;
    isKey?: boolean;
    per?: number;
    plannedOn?: { format(f: string): string };
  }) =>
    draw.mutate({
      title: v.title,
      k: v.k,
      filter: { areaCode: v.area || undefined, sector: v.sector || undefined, tag: v.tag || undefined, isKey: v.isKey || undefined },
      weights: (table ?? undefined) as Weights | undefined,
      inspectorsPerEnterprise: v.per ?? 2,
      plannedOn: v.plannedOn?.format('YYYY-MM-DD'),
    });
  const verify = async (d: Draw) => setVerified(await call('POST /api/enforcement/draws/:id/verify', { params: { id: d.id } }));
  const publish = async (d: Draw) => {
    try {
      setCurrent(await call('POST /api/enforcement/draws/:id/publish', { params: { id: d.id } }));
      message.success(t('抽查结果已公示', 'The results are public now'));
      void qc.invalidateQueries({ queryKey: ['draws'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {can('enforcement.draw') && (
        <Card title={t('双随机抽取', 'Random draw')}>
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ k: 3, per: 2 }}>
            <Space wrap align="start">
              <Form.Item name="title" label={t('批次名称', 'Title')} rules={[{ required: true }]}>
                <Input style={{ width: 240 }} data-testid="draw-title" />
              </Form.Item>
              <Form.Item name="k" label={t('抽取企业数', 'Enterprises')} rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} data-testid="draw-k" />
              </Form.Item>
              <Form.Item name="per" label={t('每户执法人员', 'Inspectors each')}>
                <InputNumber min={0} max={5} />
              </Form.Item>
              <Form.Item name="area" label={t('区域', 'Area')}>
                <AreaCascader />
              </Form.Item>
              <Form.Item name="sector" label={t('行业', 'Sector')}>
                <Select allowClear style={{ width: 160 }} options={sectors.map((s) => ({ value: s, label: s }))} />
              </Form.Item>
              <Form.Item name="tag" label={t('专项标签', 'Tag')}>
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="isKey" valuePropName="checked" label=" ">
                <Checkbox>{t('仅重点企业', 'Key units only')}</Checkbox>
              </Form.Item>
              <Form.Item name="plannedOn" label={t('生成检查任务日期', 'Create tasks on')}>
                <DatePicker />
              </Form.Item>
            </Space>
            {table && meta.data && (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                style={{ maxWidth: 520, marginBottom: 16 }}
                dataSource={Object.entries(table).map(([key, value]) => ({ key, value }))}
                columns={[
                  { title: t('风险信号', 'Signal'), dataIndex: 'key', render: (k: string) => label(meta.data!.labels[k]) },
                  {
                    title: t('权重（累加；信用等级为倍数）', 'Weight (added; credit grades multiply)'),
                    dataIndex: 'value',
                    render: (v: number, r) => {
                      const factor = r.key.startsWith('credit');
                      return (
                        <InputNumber
                          min={factor ? 0.1 : 0}
                          max={factor ? 10 : 100}
                          step={factor ? 0.1 : 0.5}
                          prefix={factor ? '×' : '+'}
                          value={v}
                          onChange={(n) => setWeights({ ...table, [r.key]: Number(n ?? 0) } as Weights)}
                        />
                      );
                    },
                  },
                ]}
              />
            )}
            <Button type="primary" htmlType="submit" loading={draw.isPending} data-testid="draw-submit">
              {t('抽取', 'Draw')}
            </Button>
          </Form>
        </Card>
      )}
      {current && (
        <Card
          title={current.title}
          data-testid="draw-result"
          extra={
            <Space>
              <Button onClick={() => void verify(current)} data-testid="draw-verify">
                {t('复核', 'Verify')}
              </Button>
              {current.abilities.includes('publish') && (
                <Popconfirm
                  title={t('公示抽查结果？', 'Publish the results?')}
                  description={t(
                    '公示后，抽取的企业名单和执法人员将在公众页面展示，且不能撤回。',
                    'The drawn enterprises and inspectors will be shown on the public page; this cannot be undone.',
                  )}
                  okText={t('公示', 'Publish')}
                  cancelText={t('取消', 'Cancel')}
                  onConfirm={() => publish(current)}
                >
                  <Button data-testid="draw-publish">{t('公示', 'Publish')}</Button>
                </Popconfirm>
              )}
            </Space>
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('随机种子', 'Seed')}>
              <code>{current.seed}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('企业库', 'Pool')}>{current.poolCount}</Descriptions.Item>
            <Descriptions.Item label={t('权重合计', 'Total weight')}>{current.poolWeightTotal}</Descriptions.Item>
            <Descriptions.Item label={t('公示', 'Published')}>
              {current.published ? t('已公示', 'Yes') : t('未公示', 'No')}
            </Descriptions.Item>
          </Descriptions>
          {verified && (
            <Tag color={verified.matches ? 'green' : 'red'} data-testid="draw-verified">
              {verified.matches ? t('复核一致', 'Reproduced exactly') : t('复核不一致', 'Does not reproduce')}
              {!verified.poolUnchanged && t('（企业库已变化）', ' (pool changed since)')}
            </Tag>
          )}
          <Table
            size="small"
            rowKey="enterpriseId"
            pagination={false}
            dataSource={current.result}
            columns={[
              { title: '#', render: (_, __, i) => i + 1, width: 48 },
              { title: t('企业', 'Enterprise'), dataIndex: 'name' },
              { title: t('权重', 'Weight'), dataIndex: 'weight', width: 80 },
              {
                title: t('权重依据', 'Why'),
                responsive: ['md'],
                render: (_, r) => <WeightReasons reasons={r.reasons} labels={meta.data?.labels} />,
              },
              {
                title: t('执法人员', 'Inspectors'),
                render: (_, r) =>
                  r.short ? <Tag color="orange">{r.inspectorNames.join(t('、', ', ')) || '—'}</Tag> : r.inspectorNames.join(t('、', ', ')),
              },
            ]}
          />
        </Card>
      )}
      <Card title={t('抽取记录', 'Earlier draws')}>
        <Table<Draw>
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          onRow={(d) => ({ onClick: () => (setCurrent(d), setVerified(null)), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('批次', 'Title'), dataIndex: 'title' },
            { title: t('机构', 'Organisation'), dataIndex: 'orgName' },
            { title: t('抽取数', 'k'), dataIndex: 'k', width: 80 },
            { title: t('企业库', 'Pool'), dataIndex: 'poolCount', width: 100 },
            { title: t('时间', 'At'), dataIndex: 'createdAt', render: (v: string) => cstDateTime(v) },
            {
              title: t('公示', 'Published'),
              dataIndex: 'published',
              render: (v: boolean) => (v ? <Tag color="green">{t('已公示', 'Yes')}</Tag> : null),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

interface WeightReasonsProps {
  reasons: Draw['result'][number]['reasons'];
  labels: Record<string, { zh: string; en: string }> | undefined;
}

/** One drawn enterprise's weight as the draw computed it: base + each signal, × its credit grade's factor. */
function WeightReasons({ reasons, labels }: WeightReasonsProps) {
  const { label } = useI18n();
  if (reasons.length === 0) return <>—</>;
  return (
    <Space size={[4, 4]} wrap>
      {reasons.map((r) => (
        <Tag key={r.key} color={r.key.startsWith('credit') ? (r.value > 1 ? 'volcano' : 'blue') : r.key === 'base' ? undefined : 'orange'}>
          {labels?.[r.key] ? label(labels[r.key]) : r.key} {r.key.startsWith('credit') ? `×${r.value}` : `+${r.value}`}
        </Tag>
      ))}
    </Space>
  );
}
