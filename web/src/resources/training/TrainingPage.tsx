// 培训管理 for officers: the year's training days (last Friday of each month, moved before a holiday — seed 000
// 五(五)17), the sessions in scope with a form to plan one for the caller's area, and the training rates by street or
// sector from the maintained summaries (principals and 三项岗位 people with the required hours).
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { sectorLabels, sectors, sessionModes, trainingKindLabels, trainingKinds, type Sector, type TrainingKind } from '@anjian/contracts';
import { useCommand, useList } from '../../api/hooks';
import { SessionDrawer } from './SessionDrawer';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { ErrorDisplay } from '../../components/ErrorDisplay';

export function TrainingPage() {
  const { t } = useI18n();
  return (
    <Card title={t('培训管理', 'Training')}>
      <Tabs
        items={[
          { key: 'calendar', label: t('培训日历', 'Training days'), children: <TrainingCalendar /> },
          { key: 'sessions', label: t('培训场次', 'Sessions'), children: <Sessions /> },
          { key: 'rates', label: t('培训率', 'Training rates'), children: <Rates /> },
        ]}
      />
    </Card>
  );
}

function TrainingCalendar() {
  const { t } = useI18n();
  const [year, setYear] = useState(dayjs().year());
  const q = useList('GET /api/training/calendar', { query: { year } });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label={t('年度', 'Year')} />
        {q.data?.calendarMissing && <Tag color="red">{t('该年度缺少节假日安排', 'No holiday calendar for this year')}</Tag>}
      </Space>
      {q.error && <ErrorDisplay error={q.error} />}
      <Table
        rowKey="month"
        size="small"
        data-testid="training-days"
        loading={q.isLoading}
        dataSource={q.data?.days}
        pagination={false}
        columns={[
          { title: t('月份', 'Month'), dataIndex: 'month' },
          { title: t('培训日', 'Training day'), dataIndex: 'date' },
          { title: t('当月最后一个周五', 'Last Friday'), dataIndex: 'lastFriday' },
          { title: '', render: (_, d) => d.moved && <Tag color="orange">{t('遇节假日提前', 'Moved before a holiday')}</Tag> },
        ]}
      />
    </>
  );
}

interface SessionForm {
  title: string;
  kind: TrainingKind;
  hours: number;
  date: dayjs.Dayjs;
  online: boolean;
  place?: string;
  lecturerName?: string;
  sector?: Sector;
}

function Sessions() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [page, setPage] = useState(1);
  const q = useList('GET /api/training/sessions', { query: { page, pageSize: 20 } });
  const create = useCommand('POST /api/training/sessions', ['GET /api/training/sessions'], () => message.success(t('已安排', 'Planned')));
  const [form] = Form.useForm<SessionForm>();
  const canPlan = !!user?.permissions.includes('training.manage') && !!user.areaCode;
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <SessionDrawer id={open} onClose={() => setOpen(null)} />
      {canPlan && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          initialValues={{ kind: 'refresher', hours: 4, online: false }}
          onFinish={(v) =>
            create.mutate({
              body: {
                title: v.title,
                kind: v.kind,
                hours: v.hours,
                date: v.date.format('YYYY-MM-DD'),
                mode: v.online ? 'online' : 'onsite',
                place: v.place || undefined,
                lecturerName: v.lecturerName || undefined,
                areaCode: user!.areaCode!,
                sector: v.sector,
              },
            })
          }
        >
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('培训名称', 'Title')} />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 150 }} options={trainingKinds.map((k) => ({ value: k, label: label(trainingKindLabels[k]) }))} />
          </Form.Item>
          <Form.Item name="hours" label={t('学时', 'Hours')}>
            <InputNumber min={1} max={200} />
          </Form.Item>
          <Form.Item name="date" rules={[{ required: true }]}>
            <DatePicker placeholder={t('日期', 'Date')} />
          </Form.Item>
          <Form.Item name="online" label={t('线上', 'Online')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="place">
            <Input placeholder={t('地点', 'Place')} />
          </Form.Item>
          <Form.Item name="lecturerName">
            <Input placeholder={t('讲师', 'Lecturer')} />
          </Form.Item>
          <Form.Item name="sector">
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('行业（行业部门必选）', 'Sector (industry departments)')}
              options={sectors.map((s) => ({ value: s, label: label(sectorLabels[s]) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('安排培训', 'Plan')}
          </Button>
        </Form>
      )}
      {create.error && <ErrorDisplay error={create.error} />}
      {q.error && <ErrorDisplay error={q.error} />}
      <Table
        rowKey="id"
        size="small"
        data-testid="training-sessions"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 760 }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage }}
        onRow={(s) => ({ onClick: () => setOpen(s.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('日期', 'Date'), dataIndex: 'date' },
          { title: t('培训', 'Title'), dataIndex: 'title' },
          { title: t('类别', 'Kind'), render: (_, s) => label(trainingKindLabels[s.kind]) },
          { title: t('学时', 'Hours'), dataIndex: 'hours' },
          { title: t('方式/地点', 'Mode / place'), render: (_, s) => (s.mode === sessionModes[1] ? t('线上', 'Online') : s.place) },
          { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
          { title: t('人数', 'Attendees'), dataIndex: 'attendees' },
          {
            title: t('状态', 'Status'),
            render: (_, s) =>
              s.status === 'completed' ? (
                <Tag color="green">{t('已举办', 'Held')}</Tag>
              ) : s.status === 'cancelled' ? (
                <Tag>{t('已取消', 'Cancelled')}</Tag>
              ) : (
                <Tag color="blue">{t('计划', 'Planned')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

function Rates() {
  const { t, label } = useI18n();
  const [groupBy, setGroupBy] = useState<'area' | 'sector'>('area');
  const [key, setKey] = useState(false);
  const q = useList('GET /api/training/rates', { query: { groupBy, keySectors: key ? 'true' : undefined, pageSize: 100 } });
  const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: 'area', label: t('按街道', 'By street') },
            { value: 'sector', label: t('按行业', 'By sector') },
          ]}
        />
        <Switch checked={key} onChange={setKey} /> {t('仅重点行业领域', 'Key sectors only')}
      </Space>
      {q.error && <ErrorDisplay error={q.error} />}
      <Table
        rowKey="key"
        size="small"
        data-testid="training-rates"
        loading={q.isLoading}
        dataSource={q.data ? [...q.data.items, { ...q.data.overall, name: t('合计', 'Total') }] : []}
        pagination={false}
        columns={[
          {
            title: groupBy === 'area' ? t('街道', 'Street') : t('行业', 'Sector'),
            render: (_, r) => r.name ?? (groupBy === 'sector' && r.key in sectorLabels ? label(sectorLabels[r.key as Sector]) : r.key),
          },
          {
            title: t('主要负责人培训率', 'Principals trained'),
            render: (_, r) => `${pct(r.principalRate)} (${r.principalsTrained}/${r.principals})`,
          },
          { title: t('三项岗位培训率', 'Key posts trained'), render: (_, r) => `${pct(r.postRate)} (${r.postTrained}/${r.postPeople})` },
        ]}
      />
    </>
  );
}
