// 我的网格单位: the units of the caller's grid (a street officer: its street's) with the last visit and the due state,
// never visited and overdue first; a grid inspector starts a visit from a unit. Phone-first: a list of cards.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { gridDueStateLabels, gridDueStates, type GridDueState } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { flushQueue, installQueueFlush, readQueue } from './offlineQueue';
import { unitRiskLevel } from './riskLevel';
import { RiskLevelTag } from '../risks/riskUi';

export const dueColour: Record<GridDueState, string> = { never: 'magenta', overdue: 'red', due_soon: 'orange', ok: 'green' };

export function useQueueSize() {
  const [n, setN] = useState(() => readQueue().length);
  useEffect(() => {
    const update = () => setN(readQueue().length);
    window.addEventListener('grid-queue', update);
    window.addEventListener('storage', update);
    return () => {
      window.removeEventListener('grid-queue', update);
      window.removeEventListener('storage', update);
    };
  }, []);
  return n;
}

export function MyUnits() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [due, setDue] = useState<GridDueState | 'all'>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const queued = useQueueSize();
  const list = useList('GET /api/grid/units', { query: { due: due === 'all' ? undefined : due, q: q || undefined, page, pageSize: 20 } });
  const patrol = can('grid.patrol');
  useEffect(() => {
    if (patrol) installQueueFlush((n) => message.success(t(`已补交 ${n} 条离线巡查记录`, `${n} offline visit(s) sent`)));
  }, [patrol, message, t]);
  return (
    <Card
      title={patrol ? t('我的网格单位', 'My grid units') : t('网格单位巡查情况', 'Grid units and their visits')}
      extra={
        patrol && (
          <Link to="/grid-register">
            <Button>{t('上报新单位', 'Register a unit')}</Button>
          </Link>
        )
      }
    >
      {queued > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="grid-queue-alert"
          message={t(`${queued} 条巡查记录待网络恢复后提交`, `${queued} visit(s) waiting for a connection`)}
          action={
            <Button size="small" onClick={() => void flushQueue()}>
              {t('立即重试', 'Retry now')}
            </Button>
          }
        />
      )}
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        {/* Not `block`: equal-width segments cut 从未巡查 / 已超期 / 即将到期 to "从…" on a phone; the strip scrolls instead. */}
        <div style={{ overflowX: 'auto' }}>
          <Segmented
            value={due}
            onChange={(v) => {
              setDue(v as GridDueState | 'all');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('全部', 'All') },
              ...gridDueStates.map((s) => ({ value: s, label: label(gridDueStateLabels[s]) })),
            ]}
          />
        </div>
        <Input.Search allowClear placeholder={t('单位名称', 'Unit name')} onSearch={(v) => (setQ(v), setPage(1))} />
      </Space>
      <List
        data-testid="grid-units"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, size: 'small' }}
        renderItem={(u) => (
          <List.Item
            actions={
              patrol
                ? [
                    <Link key="visit" to={`/grid/visit/${u.enterpriseId}`}>
                      <Button type="primary" size="small" data-testid="grid-visit-start">
                        {t('巡查', 'Visit')}
                      </Button>
                    </Link>,
                  ]
                : [
                    <Link key="visits" to={`/grid/visits?enterpriseId=${u.enterpriseId}`}>
                      {t('巡查记录', 'Visits')}
                    </Link>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{u.name}</span>
                  <Tag color={dueColour[u.dueState]}>{label(gridDueStateLabels[u.dueState])}</Tag>
                  {unitRiskLevel(u.riskLevel) && <RiskLevelTag level={unitRiskLevel(u.riskLevel)} />}
                  {u.isKey && <Tag>{t('重点', 'Key')}</Tag>}
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {u.address}
                  <br />
                  {u.lastVisitedOn ? t(`上次 ${u.lastVisitedOn}`, `Last ${u.lastVisitedOn}`) : t('从未巡查', 'Never visited')}
                  {u.nextDueOn && ` · ${t('应于', 'due')} ${u.nextDueOn}`} · {t(`每 ${u.intervalDays} 天`, `every ${u.intervalDays} days`)}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
