// 年度执法检查计划: target groups with their yearly frequency, edited by planning officers, and progress against the
// calendar (done vs expected by now); below it, the frequency compliance of principal-duty inspections per level.
import { useEffect, useState } from 'react';
import { App, Button, Card, Input, InputNumber, Progress, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sectors } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { PrincipalDutyCard } from './PrincipalDutyCard';
import { cstToday } from '../../app/time';

interface Group {
  name: string;
  filter: { sector?: string; isKey?: boolean; tag?: string };
  timesPerYear: number;
  enterprises?: number;
  required?: number;
  done?: number;
  covered?: number;
  expectedToDate?: number;
  behind?: boolean;
}

export function PlanPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const year = Number(cstToday().slice(0, 4));
  const q = useQuery({
    queryKey: ['plan', year],
    queryFn: () => call('GET /api/enforcement/plans/:year', { params: { year } }),
  });
  const [groups, setGroups] = useState<Group[]>([]);
  useEffect(() => setGroups(q.data?.groups ?? []), [q.data]);
  const patch = (i: number, p: Partial<Group>) => setGroups(groups.map((g, j) => (j === i ? { ...g, ...p } : g)));
  const save = async () => {
    try {
      await call('PUT /api/enforcement/plans/:year', {
        params: { year },
        body: {
          version: q.data?.version ?? 0,
          groups: groups.map((g) => ({ name: g.name, filter: g.filter, timesPerYear: g.timesPerYear })),
        },
      });
      await qc.invalidateQueries({ queryKey: ['plan', year] });
      message.success(t('已保存', 'Saved'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const editable = can('enforcement.draw');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={`${year} ${t('年度执法检查计划', 'annual inspection plan')}`}
        loading={q.isLoading}
        extra={q.data && <PlanProgress groups={q.data.groups} elapsed={q.data.elapsed} />}
      >
        <Table<Group>
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={groups}
          columns={[
            {
              title: t('对象', 'Group'),
              render: (_, g, i) => (editable ? <Input value={g.name} onChange={(e) => patch(i, { name: e.target.value })} /> : g.name),
            },
            {
              title: t('行业', 'Sector'),
              render: (_, g, i) => (
                <Select
                  allowClear
                  disabled={!editable}
                  style={{ width: 140 }}
                  value={g.filter.sector}
                  onChange={(v) => patch(i, { filter: { ...g.filter, sector: v } })}
                  options={sectors.map((s) => ({ value: s, label: s }))}
                />
              ),
            },
            {
              title: t('重点', 'Key'),
              render: (_, g, i) => (
                <Switch
                  disabled={!editable}
                  checked={!!g.filter.isKey}
                  onChange={(v) => patch(i, { filter: { ...g.filter, isKey: v || undefined } })}
                />
              ),
            },
            {
              title: t('每户每年次数', 'Times a year'),
              render: (_, g, i) => (
                <InputNumber
                  disabled={!editable}
                  min={1}
                  max={52}
                  value={g.timesPerYear}
                  onChange={(v) => patch(i, { timesPerYear: Number(v ?? 1) })}
                />
              ),
            },
            { title: t('企业数', 'Enterprises'), dataIndex: 'enterprises' },
            {
              title: t('进度', 'Progress'),
              render: (_, g) =>
                g.required ? (
                  <Space>
                    <Progress type="circle" size={40} percent={Math.round(((g.done ?? 0) / g.required) * 100)} />
                    <span>
                      {g.done}/{g.required}
                      {t(`（应完成 ${g.expectedToDate}）`, ` (due by now ${g.expectedToDate})`)}
                    </span>
                    {g.behind && <Tag color="red">{t('滞后', 'Behind')}</Tag>}
                  </Space>
                ) : null,
            },
            ...(editable
              ? [
                  {
                    title: '',
                    width: 48,
                    render: (_: unknown, __: Group, i: number) => (
                      <Button size="small" icon={<DeleteOutlined />} onClick={() => setGroups(groups.filter((_, j) => j !== i))} />
                    ),
                  },
                ]
              : []),
          ]}
        />
        {editable && (
          <Space style={{ marginTop: 12 }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setGroups([...groups, { name: t('新对象', 'New group'), filter: {}, timesPerYear: 1 }])}
            >
              {t('添加对象', 'Add group')}
            </Button>
            <Button type="primary" onClick={() => void save()} disabled={groups.length === 0}>
              {t('保存计划', 'Save plan')}
            </Button>
          </Space>
        )}
      </Card>
      <PrincipalDutyCard year={year} />
    </Space>
  );
}

/**
 * The plan's real progress (inspections done of those the plan requires this year) next to, and clearly apart from,
 * how much of the year has gone by — the pace the progress is measured against.
 */
function PlanProgress({ groups, elapsed }: { groups: { done?: number; required?: number }[]; elapsed: number }) {
  const { t } = useI18n();
  const required = groups.reduce((n, g) => n + (g.required ?? 0), 0);
  const done = groups.reduce((n, g) => n + Math.min(g.done ?? 0, g.required ?? 0), 0);
  return (
    <Space size="large" data-testid="plan-progress">
      <span data-testid="plan-done">
        {t('全年完成', 'Done this year')} {done}/{required}
        {required > 0 && `${t('（', ' (')}${Math.round((done / required) * 100)}%${t('）', ')')}`}
      </span>
      <Typography.Text type="secondary" data-testid="plan-elapsed">
        {t('时间已过', 'Year elapsed')} {Math.round(elapsed * 100)}%
      </Typography.Text>
    </Space>
  );
}
