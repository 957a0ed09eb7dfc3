// The month's progress of a plan (issuer side): per lead unit how many reports were filed, late and missing — the
// laggards highlighted — and the 进展情况表 rows with each task's report; the export button writes the same table.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { monthlyReportStateLabels, type ProgressBoard as Board } from '@anjian/contracts';
import { ApiError, call, download } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { currentMonth, previousMonth, reportStateColor } from './labels';

type Row = Board['rows'][number];
type Unit = Board['units'][number];

export function ProgressBoard() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const [month, setMonth] = useState(previousMonth(currentMonth()));
  const q = useQuery({
    queryKey: ['workplan-board', id, month],
    queryFn: () => call('GET /api/workplans/:id/board', { params: { id: id! }, query: { month } }),
    retry: false,
  });
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title="404" subTitle={t('方案不存在', 'No such plan')} />;
  if (q.error) return <Alert type="error" message={String(q.error)} />;
  const b = q.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={b ? <Link to={`/workplans/${b.planId}`}>{b.planTitle}</Link> : t('月度进展', 'Monthly progress')}
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
              data-testid="board-month"
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void download(`/api/workplans/${id}/export`, { month })}
              data-testid="board-export"
            >
              {t('导出进展情况表', 'Export progress table')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void download(`/api/workplans/${id}/export`, { month, format: 'docx' })}
              data-testid="board-export-docx"
            >
              {t('导出 Word', 'Export Word')}
            </Button>
          </Space>
        }
      >
        {!b ? (
          <Skeleton active />
        ) : (
          <>
            <Typography.Paragraph>{t(`${b.month} 报送截止：${b.dueOn}`, `${b.month} reports due: ${b.dueOn}`)}</Typography.Paragraph>
            <Table<Unit>
              rowKey="orgId"
              size="small"
              data-testid="board-units"
              dataSource={b.units}
              pagination={false}
              onRow={(u) => ({ style: { background: u.missing > 0 ? '#fff1f0' : u.late > 0 ? '#fff7e6' : undefined } })}
              columns={[
                { title: t('牵头单位', 'Lead unit'), dataIndex: 'orgName' },
                { title: t('应报', 'Due'), dataIndex: 'required', width: 70 },
                { title: t('按时', 'On time'), dataIndex: 'filed', width: 70 },
                {
                  title: t('逾期', 'Late'),
                  dataIndex: 'late',
                  width: 70,
                  render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : n),
                },
                {
                  title: t('未报', 'Missing'),
                  dataIndex: 'missing',
                  width: 70,
                  render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
                },
                { title: t('待报', 'Not yet due'), dataIndex: 'pending', width: 80 },
              ]}
            />
          </>
        )}
      </Card>
      {b && (
        <Card title={t('工作分工及进展情况表', 'Tasks and progress')}>
          <Table<Row>
            rowKey="taskId"
            size="small"
            data-testid="board-rows"
            dataSource={b.rows}
            pagination={false}
            scroll={{ x: 1000 }}
            columns={[
              { title: t('序号', 'No.'), dataIndex: 'seq', width: 60 },
              { title: t('工作项目', 'Item'), dataIndex: 'item', width: 160 },
              { title: t('工作内容', 'Content'), dataIndex: 'content', ellipsis: true },
              { title: t('责任单位', 'Responsible'), render: (_, r) => r.responsibility ?? r.leadOrgName, width: 160 },
              {
                title: t('报送', 'Report'),
                width: 110,
                render: (_, r) => <Tag color={reportStateColor[r.reportState]}>{label(monthlyReportStateLabels[r.reportState])}</Tag>,
              },
              { title: t('进展情况', 'Progress'), dataIndex: 'progress', render: (v: string | null) => v ?? '—' },
              { title: t('存在的困难或问题', 'Difficulties'), dataIndex: 'problems', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
