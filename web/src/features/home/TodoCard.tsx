// 我的待办: the workbench's open items, most urgent first, ten to a page, with a filter by kind. The server lists
// each kind's first 20; a kind with more says "20+" and links to the list that holds them all.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import {
  workbenchTodoLabels,
  workbenchTodoLimit,
  type DueState,
  type WorkbenchResponse,
  type WorkbenchTodo,
  type WorkbenchTodoKind,
} from '@anjian/contracts';
import { useI18n } from '../../app/i18n';

const dueTags: Record<DueState, { color: string; zh: string; en: string }> = {
  overdue: { color: 'red', zh: '已逾期', en: 'Overdue' },
  today: { color: 'orange', zh: '今日到期', en: 'Due today' },
  soon: { color: 'gold', zh: '3个工作日内到期', en: 'Due within 3 working days' },
  later: { color: 'blue', zh: '期限', en: 'Due' },
  none: { color: 'default', zh: '未设期限', en: 'No deadline' },
};

const PAGE_SIZE = 10;
const urgent: Record<DueState, number> = { overdue: 0, today: 1, soon: 2, later: 3, none: 4 };

/**
 * Whether the count of items at least this urgent is only a floor: some kind has more than it lists and its least
 * urgent listed item (the last of that kind, the list being most urgent first) is this urgent, so unlisted ones may be.
 */
function floorAt(todo: WorkbenchTodo[], more: ReadonlyMap<WorkbenchTodoKind, string>, worst: DueState): boolean {
  return [...more.keys()].some((kind) => {
    const ofKind = todo.filter((i) => i.kind === kind);
    const last = ofKind[ofKind.length - 1];
    return !!last && urgent[last.dueState] <= urgent[worst];
  });
}

export function TodoCard({ data }: { data: WorkbenchResponse }) {
  const { t, label } = useI18n();
  const [kind, setKind] = useState<WorkbenchTodoKind | 'all'>('all');
  const c = data.todoCounts;
  const more = new Map(data.todoMore.map((m) => [m.kind, m.link]));
  const plus = (yes: boolean) => (yes ? '+' : '');
  const kinds = [...new Set(data.todo.map((i) => i.kind))];
  const shown = kind === 'all' ? data.todo : data.todo.filter((i) => i.kind === kind);
  const cut = kind === 'all' ? data.todoMore : data.todoMore.filter((m) => m.kind === kind);
  return (
    <Card
      size="small"
      title={t('我的待办', 'My work')}
      extra={
        <Space size={4} wrap>
          <Tag>{t(`共 ${c.total}${plus(more.size > 0)} 项`, `${c.total}${plus(more.size > 0)} items`)}</Tag>
          {c.overdue > 0 && (
            <Tag color="red">
              {t(`逾期 ${c.overdue}`, `${c.overdue} overdue`)}
              {plus(floorAt(data.todo, more, 'overdue'))}
            </Tag>
          )}
          {c.dueSoon > 0 && (
            <Tag color="gold">
              {t(`即将到期 ${c.dueSoon}`, `${c.dueSoon} due soon`)}
              {plus(floorAt(data.todo, more, 'soon'))}
            </Tag>
          )}
        </Space>
      }
      data-testid="workbench-todo"
    >
      {kinds.length > 1 && (
        <Space size={[4, 8]} wrap style={{ marginBottom: 8 }} data-testid="todo-kinds">
          <Tag.CheckableTag checked={kind === 'all'} onChange={() => setKind('all')}>
            {t('全部', 'All')} {c.total}
            {plus(more.size > 0)}
          </Tag.CheckableTag>
          {kinds.map((k) => (
            <Tag.CheckableTag key={k} checked={kind === k} onChange={() => setKind(k)} data-kind={k}>
              {label(workbenchTodoLabels[k])} {data.todo.filter((i) => i.kind === k).length}
              {plus(more.has(k))}
            </Tag.CheckableTag>
          ))}
        </Space>
      )}
      <List
        key={kind}
        dataSource={shown}
        pagination={shown.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('今天没有待办事项', 'Nothing to do today')} /> }}
        renderItem={(item: WorkbenchTodo) => {
          const due = dueTags[item.dueState];
          return (
            <List.Item data-testid="todo-item" data-kind={item.kind}>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Tag>{label(workbenchTodoLabels[item.kind])}</Tag>
                    <Link to={item.link}>{item.title}</Link>
                  </Space>
                }
                description={
                  <Space wrap size={4}>
                    {item.enterpriseName && <span>{item.enterpriseName}</span>}
                    {item.step && <Typography.Text type="secondary">{label(item.step)}</Typography.Text>}
                    <Tag color={due.color}>
                      {label(due)}
                      {item.due ? ` ${item.due}` : ''}
                    </Tag>
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      {cut.length > 0 && (
        <Space direction="vertical" size={2} data-testid="todo-more">
          <Typography.Text type="secondary">
            {t(
              `以下类别只列出最紧迫的 ${workbenchTodoLimit} 项：`,
              `These kinds list only their ${workbenchTodoLimit} most pressing items:`,
            )}
          </Typography.Text>
          {cut.map((m) => (
            <Link key={m.kind} to={m.link}>
              {t(`查看全部“${label(workbenchTodoLabels[m.kind])}”`, `See every “${label(workbenchTodoLabels[m.kind])}”`)}
            </Link>
          ))}
        </Space>
      )}
    </Card>
  );
}
