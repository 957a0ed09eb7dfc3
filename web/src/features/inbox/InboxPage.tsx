// 我的消息: the caller's notices (assigned, awaiting action, due soon/today, overdue, escalated, announcements),
// unread first by filter, each linking to its record; mark read one by one, selected, or all. Channel preferences
// below; the administrator also sees failed background jobs (dead letters).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Segmented, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { noticeKindLabels, noticeKinds, type NotificationItem, type NotificationPreferences } from '@anjian/contracts';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { fetchFailedJobs, fetchInbox, fetchPreferences, markRead, savePreferences, unreadKey } from './inbox.api';
import { cstDateTime } from '../../app/time';

const kindColour: Record<string, string> = {
  overdue: 'red',
  escalated: 'volcano',
  due_today: 'orange',
  due_soon: 'gold',
  awaiting_action: 'blue',
  assigned: 'geekblue',
  announcement: 'default',
};

function Notices() {
  const { t, label } = useI18n();
  const qc = useQueryClient();
  const [unread, setUnread] = useState(true);
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const query = { unread, kind, page, pageSize: 20 };
  const { data, isLoading } = useQuery({ queryKey: ['notifications', 'list', query], queryFn: () => fetchInbox(query) });
  const mark = useMutation({
    mutationFn: markRead,
    onSuccess: async () => {
      setSelected([]);
      await qc.invalidateQueries({ queryKey: ['notifications'] });
      await qc.invalidateQueries({ queryKey: unreadKey });
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={unread ? 'unread' : 'all'}
          onChange={(v) => {
            setUnread(v === 'unread');
            setPage(1);
          }}
          options={[
            { label: t('未读', 'Unread'), value: 'unread' },
            { label: t('全部', 'All'), value: 'all' },
          ]}
          data-testid="inbox-filter"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('类型', 'Kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={noticeKinds.map((k) => ({ value: k, label: label(noticeKindLabels[k]) }))}
        />
        <Button disabled={selected.length === 0} onClick={() => mark.mutate({ ids: selected })} data-testid="mark-selected">
          {t('标为已读', 'Mark read')}
        </Button>
        <Button disabled={!data?.unread} onClick={() => mark.mutate({ all: true })} data-testid="mark-all">
          {t('全部标为已读', 'Mark all read')}
        </Button>
        <Typography.Text type="secondary" data-testid="inbox-unread">
          {t(`未读 ${data?.unread ?? 0} 条`, `${data?.unread ?? 0} unread`)}
        </Typography.Text>
      </Space>
      <Table<NotificationItem>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        data-testid="inbox-table"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            width: 120,
            render: (k: NotificationItem['kind']) => <Tag color={kindColour[k]}>{label(noticeKindLabels[k])}</Tag>,
          },
          {
            title: t('内容', 'Notice'),
            dataIndex: 'title',
            render: (_: unknown, n) => {
              const text = label(n.title);
              const strong = n.readAt ? text : <strong>{text}</strong>;
              return n.link ? (
                <Link to={n.link} onClick={() => !n.readAt && mark.mutate({ ids: [n.id] })} data-testid="notice-link">
                  {strong}
                </Link>
              ) : (
                strong
              );
            },
          },
          { title: t('期限', 'Due'), dataIndex: 'dueOn', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('时间', 'Time'), dataIndex: 'createdAt', width: 170, render: (v: string) => cstDateTime(v) },
          {
            title: '',
            width: 100,
            render: (_: unknown, n) =>
              n.readAt ? (
                <Typography.Text type="secondary">{t('已读', 'Read')}</Typography.Text>
              ) : (
                <Button size="small" type="link" onClick={() => mark.mutate({ ids: [n.id] })}>
                  {t('标为已读', 'Mark read')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}

function Preferences() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data } = useQuery({ queryKey: ['notifications', 'preferences'], queryFn: fetchPreferences });
  const save = useMutation({ mutationFn: savePreferences, onSuccess: () => void message.success(t('已保存', 'Saved')) });
  if (!data) return null;
  return (
    <Card size="small" style={{ maxWidth: 520 }}>
      <Form<NotificationPreferences>
        layout="vertical"
        initialValues={data}
        onFinish={(v) => save.mutate({ ...v, email: v.email || null })}
        data-testid="inbox-preferences"
      >
        <Typography.Paragraph type="secondary">
          {t(
            '站内消息始终可见；可另选邮件或短信/企业微信/钉钉推送。',
            'In-app notices always appear; e-mail or SMS/WeCom/DingTalk are optional.',
          )}
        </Typography.Paragraph>
        <Form.Item name="email" label={t('电子邮箱', 'E-mail address')} rules={[{ type: 'email' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="emailEnabled" label={t('邮件通知', 'E-mail')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="webhookEnabled" label={t('短信/企业微信/钉钉推送', 'SMS / WeCom / DingTalk')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="dailyDigest" label={t('每日汇总一次', 'One daily digest')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}

function FailedJobs() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const { data, isLoading } = useQuery({ queryKey: ['jobs', 'failed', page], queryFn: () => fetchFailedJobs(page) });
  return (
    <Table
      rowKey="id"
      loading={isLoading}
      dataSource={data?.items ?? []}
      data-testid="failed-jobs"
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
      columns={[
        { title: t('队列', 'Queue'), dataIndex: 'name' },
        { title: t('状态', 'State'), dataIndex: 'state' },
        { title: t('重试次数', 'Retries'), dataIndex: 'retryCount' },
        { title: t('错误', 'Error'), dataIndex: 'error' },
        { title: t('创建时间', 'Created'), dataIndex: 'createdOn', render: (v: string) => cstDateTime(v) },
      ]}
    />
  );
}

export function InboxPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  return (
    <Card title={t('我的消息', 'My inbox')}>
      <Tabs
        items={[
          { key: 'notices', label: t('消息', 'Notices'), children: <Notices /> },
          { key: 'preferences', label: t('通知设置', 'Channels'), children: <Preferences /> },
          ...(can('job.read') ? [{ key: 'jobs', label: t('失败的后台任务', 'Failed background jobs'), children: <FailedJobs /> }] : []),
        ]}
      />
    </Card>
  );
}
