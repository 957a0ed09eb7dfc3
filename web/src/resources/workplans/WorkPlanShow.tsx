// One plan: its document, phases and tasks (the issuer sees all, a lead unit its own), the bureau's "add a task"
// form, the task-table import (PlanImport), and links to the month's progress board and the 进展情况表 export
// (.xlsx, or .docx in the plan's own layout).
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Select,
  Skeleton,
  Space,
  Steps,
  Table,
  Tag,
} from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { supervisionLevelLabels, workTaskStatusLabels, type WorkTaskView } from '@anjian/contracts';
import { ApiError, call, download } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { currentMonth, previousMonth, statusColor } from './labels';
import { PlanImport } from './PlanImport';
import { phasePosition } from './phases';
import { cstToday } from '../../app/time';
import { validValues } from '../../components/validValues';

interface TaskForm {
  seq: number;
  item: string;
  content: string;
  leadOrgId: string;
  coOrgIds?: string[];
  responsibility?: string;
  deadline?: Dayjs;
  targets?: string;
}

export function WorkPlanShow() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['workplan', id], queryFn: () => call('GET /api/workplans/:id', { params: { id: id! } }), retry: false });
  const canAdd = q.data?.abilities.includes('addTask') ?? false;
  const orgs = useQuery({ queryKey: ['organisations'], queryFn: () => call('GET /api/organisations'), enabled: canAdd });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<TaskForm>();
  if (q.isLoading) return <Skeleton active />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title="404" subTitle={t('方案不存在', 'No such plan')} />;
  if (!q.data) return <Alert type="error" message={String(q.error)} />;
  const p = q.data;
  const month = previousMonth(currentMonth());
  const phase = phasePosition(p.phases, cstToday());
  const orgOptions = (orgs.data ?? []).filter((o) => o.kind !== 'enterprise').map((o) => ({ value: o.id, label: o.shortName ?? o.name }));
  const addTask = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await call('POST /api/workplans/:id/tasks', {
        params: { id: p.id },
        body: {
          seq: v.seq,
          item: v.item,
          content: v.content,
          leadOrgId: v.leadOrgId,
          coOrgIds: v.coOrgIds ?? [],
          responsibility: v.responsibility || undefined,
          deadline: v.deadline?.format('YYYY-MM-DD'),
          targets: v.targets || undefined,
          version: p.version,
        },
      });
      setAdding(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['workplan', id] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('方案已被他人更新，已刷新', 'Someone changed this plan; it was reloaded'));
        await qc.invalidateQueries({ queryKey: ['workplan', id] });
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={p.title}
        extra={
          <Space wrap>
            {p.abilities.includes('board') && (
              <Link to={`/workplans/${p.id}/board`}>
                <Button data-testid="workplan-board">{t('月度进展', 'Monthly progress')}</Button>
              </Link>
            )}
            {p.abilities.includes('export') && (
              <Button icon={<DownloadOutlined />} onClick={() => void download(`/api/workplans/${p.id}/export`, { month })}>
                {t(`导出${month}进展情况表`, `Export ${month} progress table`)}
              </Button>
            )}
            {p.abilities.includes('export') && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void download(`/api/workplans/${p.id}/export`, { month, format: 'docx' })}
                data-testid="workplan-export-docx"
              >
                {t('导出 Word', 'Export Word')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('文号', 'Document No.')}>{p.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('印发单位', 'Issuer')}>{p.issuerOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('年度', 'Year')}>{p.year}</Descriptions.Item>
          <Descriptions.Item label={t('每月报送日', 'Report day')}>
            {t(`每月${p.reportDay}日前（遇非工作日提前）`, `By day ${p.reportDay} (earlier if not a working day)`)}
          </Descriptions.Item>
          {p.sourceDocument && (
            <Descriptions.Item label={t('来源文件', 'Source document')} span={2}>
              {p.sourceDocument}
            </Descriptions.Item>
          )}
        </Descriptions>
        {p.phases.length > 0 && (
          <Steps
            style={{ marginTop: 16 }}
            size="small"
            current={phase.current}
            status={phase.started ? 'process' : 'wait'}
            items={p.phases.map((ph) => ({ title: ph.name, description: `${ph.startOn} ~ ${ph.endOn}` }))}
          />
        )}
      </Card>
      <Card
        title={t('工作分工', 'Tasks')}
        extra={
          canAdd && (
            <Space wrap>
              <PlanImport planId={p.id} version={p.version} onDone={() => qc.invalidateQueries({ queryKey: ['workplan', id] })} />
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="workplan-add-task">
                {t('添加任务', 'Add a task')}
              </Button>
            </Space>
          )
        }
      >
        <Table<WorkTaskView>
          rowKey="id"
          size="small"
          data-testid="workplan-tasks"
          dataSource={p.tasks}
          pagination={false}
          scroll={{ x: 900 }}
          onRow={(r) => ({ onClick: () => navigate(`/work-tasks/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('序号', 'No.'), dataIndex: 'seq', width: 60 },
            { title: t('工作项目', 'Item'), dataIndex: 'item', width: 180 },
            { title: t('工作内容', 'Content'), dataIndex: 'content', ellipsis: true },
            { title: t('牵头单位', 'Lead unit'), dataIndex: 'leadOrgName', width: 140 },
            { title: t('完成时限', 'Deadline'), dataIndex: 'deadline', width: 110, render: (v: string | null) => v ?? '—' },
            {
              title: t('状态', 'Status'),
              width: 160,
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag color={statusColor[r.status]}>{label(workTaskStatusLabels[r.status])}</Tag>
                  {r.supervised && (
                    <Tag color="red">{`${t('督办', 'Supervised')}${r.supervisionLevel ? `·${label(supervisionLevelLabels[r.supervisionLevel])}` : ''}`}</Tag>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={adding} title={t('添加任务', 'Add a task')} onCancel={() => setAdding(false)} onOk={addTask} width={680}>
        <Form form={form} layout="vertical" initialValues={{ seq: p.tasks.length + 1 }}>
          <Space wrap>
            <Form.Item name="seq" label={t('序号', 'No.')} rules={[{ required: true }]}>
              <InputNumber min={1} max={9999} />
            </Form.Item>
            <Form.Item name="item" label={t('工作项目', 'Item')} rules={[{ required: true, max: 200 }]} style={{ minWidth: 320 }}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item name="content" label={t('工作内容', 'Content')} rules={[{ required: true, max: 4000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="leadOrgId" label={t('牵头单位', 'Lead unit')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={orgOptions} loading={orgs.isLoading} />
          </Form.Item>
          <Form.Item name="coOrgIds" label={t('配合单位', 'Co-operating units')}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={orgOptions} />
          </Form.Item>
          <Form.Item name="responsibility" label={t('责任单位（按方案原文）', 'Responsibility as the plan words it')}>
            <Input placeholder="区安监局牵头，各街道办配合落实" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="deadline" label={t('完成时限', 'Deadline')}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="targets" label={t('工作目标', 'Targets')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
