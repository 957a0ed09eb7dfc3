// The workbench (工作台): what I must do today, most urgent first, and the figures of my scope, each linking to the
// list behind it. One page for every role: the server shapes what it holds (GET /api/workbench).
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { roleLabels, workbenchFigureLabels, type WorkbenchFigure, type WorkbenchResponse } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { CalendarMissingBanner } from '../calendar/CalendarMissingBanner';
import { TodoCard } from './TodoCard';

export function HomePage() {
  const { user, can } = useAuth();
  const { t, label } = useI18n();
  const wb = useQuery({ queryKey: ['workbench'], queryFn: () => call('GET /api/workbench'), enabled: !!user });
  if (!user) return null;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t(`欢迎，${user.displayName}`, `Welcome, ${user.displayName}`)}
        <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12, fontWeight: 'normal' }}>
          {label(roleLabels[user.role])}
          {user.orgName ? ` · ${user.orgName}` : ''}
        </Typography.Text>
      </Typography.Title>
      {/* Only those who can enter a missing year are asked to. */}
      {can('calendar.manage') && <CalendarMissingBanner />}
      {wb.isError && (
        <Alert type="error" showIcon message={t('工作台加载失败，请刷新重试', 'The workbench failed to load; refresh to retry')} />
      )}
      {wb.isLoading && <Skeleton active />}
      {wb.data && <Workbench data={wb.data} />}
    </>
  );
}

function Workbench({ data }: { data: WorkbenchResponse }) {
  const { t } = useI18n();
  const { user } = useAuth();
  if (data.figures.length === 0 && data.todo.length === 0) {
    return user?.role === 'public' ? (
      <Card>
        <Space direction="vertical" size={12}>
          <Link to="/report">
            <Button type="primary" size="large" data-testid="home-report">
              {t('我要举报安全生产违法行为', 'Report a work-safety violation')}
            </Button>
          </Link>
          <Link to="/my-reports">{t('我的举报及办理进度', 'My reports and their progress')}</Link>
          <Link to="/report/track">{t('凭查询码查询举报进度', 'Track a report with its code')}</Link>
          <Link to="/public">
            {t('查看公示信息（行政处罚、双随机抽查结果）', 'See public notices (penalty decisions, random-inspection results)')}
          </Link>
        </Space>
      </Card>
    ) : (
      <Card>
        <Empty description={t('您的角色没有待办事项', 'Your role has no work items')} />
      </Card>
    );
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {data.figures.map((f) => (
          <Col key={f.key} xs={12} sm={8} lg={6} xl={4}>
            <FigureCard figure={f} />
          </Col>
        ))}
      </Row>
      <TodoCard data={data} />
      {data.breakdown && data.breakdown.length > 0 && <BreakdownCard rows={data.breakdown} />}
    </Space>
  );
}

function FigureCard({ figure: f }: { figure: WorkbenchFigure }) {
  const { t, label } = useI18n();
  const body = (
    <Card size="small" hoverable={!!f.link} data-testid={`figure-${f.key}`} style={{ height: '100%' }}>
      <Statistic title={label(workbenchFigureLabels[f.key])} value={f.value} valueStyle={f.alarm ? { color: '#cf1322' } : undefined} />
      {f.previous !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`去年同期 ${f.previous}`, `Same period last year ${f.previous}`)}
        </Typography.Text>
      )}
      {f.target !== null && (
        <div>
          <Typography.Text type={f.alarm ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {f.key === 'inspectionsThisMonth'
              ? t(
                  `本月计划 ${f.target}${f.alarm ? '，全年进度落后' : ''}`,
                  `Plan ${f.target} this month${f.alarm ? ', behind for the year' : ''}`,
                )
              : t(`全年目标允许 ${f.target}`, `Target allows ${f.target} this year`)}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
  return f.link ? <Link to={f.link}>{body}</Link> : body;
}

function BreakdownCard({ rows }: { rows: NonNullable<WorkbenchResponse['breakdown']> }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('下级辖区隐患', 'Hidden dangers by sub-area')} data-testid="workbench-breakdown">
      <Table
        size="small"
        rowKey="areaCode"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: t('辖区', 'Area'), dataIndex: 'name' },
          { title: t('未闭环', 'Open'), dataIndex: 'open', align: 'right', sorter: (a, b) => a.open - b.open },
          {
            title: t('逾期', 'Overdue'),
            dataIndex: 'overdue',
            align: 'right',
            defaultSortOrder: 'descend',
            sorter: (a, b) => a.overdue - b.overdue,
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
        ]}
      />
    </Card>
  );
}
