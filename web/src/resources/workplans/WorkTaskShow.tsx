// One task: its content and units, the steps the caller may take (from `abilities`: start, report done, accept,
// return, 督办), the monthly reports and the history.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Result, Select, Skeleton, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  supervisionLevelLabels,
  supervisionLevels,
  workTaskActionLabels,
  workTaskStatusLabels,
  workTaskTitle,
  type MonthlyReportView,
  type WorkTaskAction,
  type WorkTaskActBody,
} from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { statusColor } from './labels';
import { HistoryCard } from '../../components/HistoryCard';
import { validValues } from '../../components/validValues';

type Act = WorkTaskActBody['action'];
const fieldsOf: Record<Act, ('summary' | 'reason' | 'level')[]> = {
  start: [],
  report_done: ['summary'],
  accept: [],
  return: ['reason'],
  supervise: ['level', 'reason'],
};

export function WorkTaskShow() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['work-task', id],
    queryFn: () => call('GET /api/work-tasks/:id', { params: { id: id! } }),
    retry: false,
  });
  const [acting, setActing] = useState<Act | null>(null);
  const [form] = Form.useForm();
  if (q.isLoading) return <Skeleton active />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title="404" subTitle={t('任务不存在', 'No such task')} />;
  if (!q.data) return <Alert type="error" message={String(q.error)} />;
  const r = q.data;
  const run = async (action: Act) => {
    const v = fieldsOf[action].length ? await validValues(form) : {};
    if (!v) return;
    try {
      await call('POST /api/work-tasks/:id/act', { params: { id: r.id }, body: { action, version: r.version, ...v } });
      setActing(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['work-task', id] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('任务已被他人更新，已刷新', 'Someone changed this task; it was reloaded'));
        setActing(null);
        await qc.invalidateQueries({ queryKey: ['work-task', id] });
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const actions = r.abilities.filter((a): a is Act => a in fieldsOf);
  const labelsOf = { summary: t('完成情况', 'Summary'), reason: t('理由', 'Reason'), level: t('督办级别', 'Supervision level') };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={workTaskTitle(r)}
        extra={
          <Space>
            <Tag color={statusColor[r.status]} data-testid="work-task-status">
              {label(workTaskStatusLabels[r.status])}
            </Tag>
            {r.supervised && <Tag color="red">{t('督办', 'Supervised')}</Tag>}
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          {actions.map((a) => (
            <Button
              key={a}
              type={fieldsOf[a].length === 0 ? 'primary' : 'default'}
              data-testid={`work-task-act-${a}`}
              onClick={() => (fieldsOf[a].length === 0 ? void run(a) : setActing(a))}
            >
              {label(workTaskActionLabels[a as WorkTaskAction])}
            </Button>
          ))}
          {r.abilities.includes('file_report') && (
            <Link to="/work-tasks">
              <Button>{label(workTaskActionLabels.file_report)}</Button>
            </Link>
          )}
        </Space>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('工作方案', 'Plan')} span={2}>
            <Link to={`/workplans/${r.planId}`}>{r.planTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('工作内容', 'Content')} span={2}>
            {r.content}
          </Descriptions.Item>
          <Descriptions.Item label={t('牵头单位', 'Lead unit')}>{r.leadOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('配合单位', 'Co-operating')}>{r.coOrgNames.join(t('、', ', ')) || '—'}</Descriptions.Item>
          {r.responsibility && (
            <Descriptions.Item label={t('责任单位', 'Responsibility')} span={2}>
              {r.responsibility}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('完成时限', 'Deadline')}>{r.deadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('工作目标', 'Targets')}>{r.targets ?? '—'}</Descriptions.Item>
          {r.summary && <Descriptions.Item label={t('完成情况', 'Summary')}>{r.summary}</Descriptions.Item>}
          {r.returnReason && <Descriptions.Item label={t('退回理由', 'Returned because')}>{r.returnReason}</Descriptions.Item>}
          {r.supervised && (
            <Descriptions.Item label={t('督办', 'Supervision')} span={2}>
              {`${r.supervisionLevel ? label(supervisionLevelLabels[r.supervisionLevel]) : ''} ${r.supervisionReason ?? ''}`}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('月度进展', 'Monthly reports')}>
        <Table<MonthlyReportView>
          rowKey="month"
          size="small"
          dataSource={r.reports}
          pagination={false}
          scroll={{ x: 700 }}
          columns={[
            { title: t('月份', 'Month'), dataIndex: 'month', width: 90 },
            { title: t('进展情况', 'Progress'), dataIndex: 'progress' },
            { title: t('存在的困难或问题', 'Difficulties'), dataIndex: 'problems', render: (v: string | null) => v ?? '—' },
            {
              title: t('报送日期', 'Filed'),
              width: 150,
              render: (_, m) => (
                <Space size={4}>
                  {m.submittedOn}
                  {m.late && <Tag color="orange">{t('逾期', 'Late')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <HistoryCard history={r.history} labels={{ ...workTaskActionLabels, create: { zh: '分派任务', en: 'Assigned' } }} />
      <Modal
        open={acting !== null}
        title={acting ? label(workTaskActionLabels[acting]) : ''}
        onCancel={() => setActing(null)}
        onOk={() => acting && run(acting)}
      >
        <Form form={form} layout="vertical">
          {acting &&
            fieldsOf[acting].map((f) => (
              <Form.Item key={f} name={f} label={labelsOf[f]} rules={[{ required: true }]}>
                {f === 'level' ? (
                  <Select options={supervisionLevels.map((l) => ({ value: l, label: label(supervisionLevelLabels[l]) }))} />
                ) : (
                  <Input.TextArea rows={3} />
                )}
              </Form.Item>
            ))}
        </Form>
      </Modal>
    </Space>
  );
}
