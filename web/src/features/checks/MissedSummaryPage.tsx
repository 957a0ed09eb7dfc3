// The district's view of scheduled self-inspection: per area, how many tasks fell due in the period, how many
// were done, missed or are still open, and how many enterprises missed one; below, the missed tasks themselves.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Breadcrumb, Button, Card, DatePicker, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { CheckTask, MissedSummary } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../components/EChart';
import { periodText, responsibleLevelLabels } from './labels';
import { cstToday } from '../../app/time';

type Group = MissedSummary['groups'][number];

export function MissedSummaryPage() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const today = cstToday();
  const [range, setRange] = useState<[string, string]>([dayjs(today).subtract(29, 'day').format('YYYY-MM-DD'), today]);
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const [page, setPage] = useState(1);
  const areaCode = trail[trail.length - 1]?.code;
  const summary = useQuery({
    queryKey: ['missed-summary', range, areaCode],
    queryFn: () => call('GET /api/check-tasks/missed-summary', { query: { from: range[0], to: range[1], areaCode } }),
  });
  const missed = useQuery({
    queryKey: ['check-tasks', 'missed-list', page],
    queryFn: () => call('GET /api/check-tasks', { query: { state: 'missed', page, pageSize: 20 } }),
  });
  const groups = summary.data?.groups ?? [];
  const generate = async () => {
    try {
      const r = await call('POST /api/check-tasks/generate', { body: {} });
      message.success(
        t(`已生成 ${r.tasksCreated} 个任务、${r.itemsCreated} 个检查项`, `${r.tasksCreated} tasks, ${r.itemsCreated} items generated`),
      );
      await qc.invalidateQueries({ queryKey: ['check-tasks'] });
      await qc.invalidateQueries({ queryKey: ['missed-summary'] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('已完成', 'Done'), type: 'bar', stack: 't', itemStyle: { color: '#52c41a' }, data: groups.map((g) => g.done) },
      { name: t('漏检', 'Missed'), type: 'bar', stack: 't', itemStyle: { color: '#ff4d4f' }, data: groups.map((g) => g.missed) },
      { name: t('进行中', 'Open'), type: 'bar', stack: 't', itemStyle: { color: '#1677ff' }, data: groups.map((g) => g.pending) },
    ],
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={t('隐患排查任务完成情况', 'Scheduled checks')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(range[0]), dayjs(range[1])]}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
            />
            {can('risk.manageTemplates') && <Button onClick={generate}>{t('立即生成今日任务', "Generate today's tasks")}</Button>}
          </Space>
        }
      >
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { title: <a onClick={() => setTrail([])}>{t('全辖区', 'Whole jurisdiction')}</a> },
            ...trail.map((s, i) => ({ title: <a onClick={() => setTrail(trail.slice(0, i + 1))}>{s.name}</a> })),
          ]}
        />
        <EChart option={option} height={300} testId="missed-chart" />
        <Table<Group>
          rowKey="key"
          size="small"
          loading={summary.isLoading}
          dataSource={groups}
          pagination={false}
          scroll={{ x: 600 }}
          data-testid="missed-summary"
          onRow={(g) => ({
            onClick: () => g.key.length < 15 && setTrail([...trail, { code: g.key, name: g.name }]),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('区域', 'Area'), dataIndex: 'name' },
            { title: t('应完成', 'Due'), dataIndex: 'total' },
            { title: t('已完成', 'Done'), dataIndex: 'done' },
            { title: t('漏检', 'Missed'), dataIndex: 'missed', render: (n: number) => (n > 0 ? <Tag color="error">{n}</Tag> : 0) },
            { title: t('进行中', 'Open'), dataIndex: 'pending' },
            { title: t('漏检企业数', 'Enterprises missing'), dataIndex: 'enterprisesMissing' },
            {
              title: t('完成率', 'Done rate'),
              render: (_: unknown, g: Group) => (g.total - g.pending > 0 ? `${Math.round((g.done / (g.total - g.pending)) * 100)}%` : '—'),
            },
          ]}
        />
      </Card>
      <Card title={`${t('漏检任务', 'Missed checks')} (${missed.data?.total ?? 0})`} size="small">
        <Table<CheckTask>
          rowKey="id"
          size="small"
          loading={missed.isLoading}
          dataSource={missed.data?.items}
          scroll={{ x: 600 }}
          pagination={{ current: page, pageSize: 20, total: missed.data?.total, onChange: setPage, showSizeChanger: false }}
          columns={[
            {
              title: t('企业', 'Enterprise'),
              render: (_: unknown, x: CheckTask) => <Link to={`/checks/tasks/${x.id}`}>{x.enterpriseName}</Link>,
            },
            { title: t('层级', 'Level'), render: (_: unknown, x: CheckTask) => label(responsibleLevelLabels[x.level]) },
            { title: t('排查期', 'Period'), render: (_: unknown, x: CheckTask) => periodText(x) },
            { title: t('检查项', 'Items'), dataIndex: 'itemCount' },
          ]}
        />
      </Card>
    </Space>
  );
}
