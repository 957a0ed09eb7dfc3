// 我的任务 (phone-first): the tasks the caller's unit leads, each with this month's report state and due day, and the
// monthly report form (进展情况, 存在的困难或问题) in a drawer; the task's other steps are on its own page.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, DatePicker, Drawer, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import {
  monthlyReportStateLabels,
  supervisionLevelLabels,
  workTaskStatusLabels,
  workTaskTitle,
  type MyWorkTasks as Mine,
} from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { currentMonth, reportStateColor, statusColor } from './labels';
import { validValues } from '../../components/validValues';

type Item = Mine['items'][number];

export function MyWorkTasks() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [month, setMonth] = useState(currentMonth());
  const [filing, setFiling] = useState<Item | null>(null);
  const [form] = Form.useForm<{ progress: string; problems?: string }>();
  const q = useQuery({ queryKey: ['my-work-tasks', month], queryFn: () => call('GET /api/work-tasks/mine', { query: { month } }) });
  const open = (item: Item) => {
    setFiling(item);
    form.setFieldsValue({ progress: item.report?.progress ?? '', problems: item.report?.problems ?? '' });
  };
  const submit = async () => {
    if (!filing) return;
    const v = await validValues(form);
    if (!v) return;
    try {
      await call('POST /api/work-tasks/:id/reports', {
        params: { id: filing.id },
        body: { month, progress: v.progress, problems: v.problems || undefined, version: filing.version },
      });
      message.success(t('已报送', 'Filed'));
      setFiling(null);
      await qc.invalidateQueries({ queryKey: ['my-work-tasks'] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('任务已被他人更新，已刷新，请重新填报', 'The task changed; it was reloaded, please file again'));
        setFiling(null);
        await qc.invalidateQueries({ queryKey: ['my-work-tasks'] });
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Card
      title={t('我的任务', 'My tasks')}
      extra={
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          disabledDate={(d) => d.format('YYYY-MM') > currentMonth()}
        />
      }
      styles={{ body: { padding: 8 } }}
    >
      <List
        loading={q.isLoading}
        data-testid="my-work-tasks"
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('本单位暂无牵头任务', 'Your unit leads no tasks')} /> }}
        renderItem={(r) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }} size={4}>
              <Space wrap size={4}>
                <Tag color={reportStateColor[r.reportState]}>{label(monthlyReportStateLabels[r.reportState])}</Tag>
                <Tag color={statusColor[r.status]}>{label(workTaskStatusLabels[r.status])}</Tag>
                {r.supervised && (
                  <Tag color="red">{`${t('督办', 'Supervised')}${r.supervisionLevel ? `·${label(supervisionLevelLabels[r.supervisionLevel])}` : ''}`}</Tag>
                )}
              </Space>
              <Link to={`/work-tasks/${r.id}`}>
                <Typography.Text strong>{workTaskTitle(r)}</Typography.Text>
              </Link>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {r.content}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{`${r.planTitle} · ${t('报送截止', 'Due')} ${r.dueOn}`}</Typography.Text>
              {r.report && <Typography.Text>{`${t('进展：', 'Progress: ')}${r.report.progress}`}</Typography.Text>}
              {r.abilities.includes('file_report') && (
                <Button block type={r.report ? 'default' : 'primary'} onClick={() => open(r)} data-testid={`file-report-${r.seq}`}>
                  {r.report ? t('修改本月进展', 'Edit this month’s progress') : t('填报本月进展', 'File this month’s progress')}
                </Button>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Drawer
        open={filing !== null}
        placement="bottom"
        height="80%"
        title={filing ? `${month} · ${workTaskTitle(filing)}` : ''}
        onClose={() => setFiling(null)}
        extra={
          <Button type="primary" onClick={submit} data-testid="file-report-submit">
            {t('报送', 'File')}
          </Button>
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="progress" label={t('进展情况', 'Progress')} rules={[{ required: true, max: 4000 }]}>
            <Input.TextArea rows={6} data-testid="file-report-progress" />
          </Form.Item>
          <Form.Item name="problems" label={t('存在的困难或问题', 'Difficulties or problems')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Drawer>
    </Card>
  );
}
