// The enterprise's phone screen: today's scheduled checks (each control level's task whose period contains today),
// and recently missed ones. Tapping a task opens the item-by-item check.
import { Link } from 'react-router-dom';
import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CheckTask } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { checkTaskStateLabels, periodText, responsibleLevelLabels, stateColour } from './labels';
import { cstToday } from '../../app/time';

function TaskItem({ task }: { task: CheckTask }) {
  const { t, label } = useI18n();
  return (
    <Link to={`/checks/tasks/${task.id}`} style={{ display: 'block', width: '100%' }} data-testid="check-task">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space direction="vertical" size={0}>
          <Typography.Text strong>
            {label(responsibleLevelLabels[task.level])}
            {t('排查', ' check')}
          </Typography.Text>
          <Typography.Text type="secondary">
            {periodText(task)} · {task.itemCount} {t('项', 'items')}
            {task.failedCount > 0 && ` · ${t('不合格', 'failed')} ${task.failedCount}`}
          </Typography.Text>
        </Space>
        <Space>
          <Tag color={stateColour[task.state]}>{label(checkTaskStateLabels[task.state])}</Tag>
          <RightOutlined />
        </Space>
      </Space>
    </Link>
  );
}

export function TodayTasksPage() {
  const { t } = useI18n();
  const today = cstToday();
  const todays = useQuery({
    queryKey: ['check-tasks', 'today', today],
    queryFn: () => call('GET /api/check-tasks', { query: { date: today, pageSize: 50 } }),
  });
  const missed = useQuery({
    queryKey: ['check-tasks', 'missed'],
    queryFn: () => call('GET /api/check-tasks', { query: { state: 'missed', pageSize: 5 } }),
  });
  if (todays.isLoading) return <Spin style={{ margin: 48 }} />;
  const items = todays.data?.items ?? [];
  const open = items.filter((x) => x.state === 'pending').length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={`${t('今日排查任务', "Today's checks")} · ${today}`} size="small">
        {open > 0 && (
          <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t(`还有 ${open} 项任务待完成`, `${open} check(s) to do`)} />
        )}
        {items.length === 0 ? (
          <Empty description={t('今天没有排查任务', 'No checks today')} />
        ) : (
          <List dataSource={items} renderItem={(task) => <List.Item>{<TaskItem task={task} />}</List.Item>} />
        )}
      </Card>
      {(missed.data?.total ?? 0) > 0 && (
        <Card title={`${t('近期漏检', 'Recently missed')} (${missed.data!.total})`} size="small">
          <List dataSource={missed.data!.items} renderItem={(task) => <List.Item>{<TaskItem task={task} />}</List.Item>} />
        </Card>
      )}
    </Space>
  );
}
