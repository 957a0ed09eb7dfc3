// 工作方案: the plans the caller issued (its area) or holds tasks in, and the bureau's "issue a plan" form.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { WorkPlanView } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { validValues } from '../../components/validValues';

interface PlanForm {
  title: string;
  docNumber?: string;
  year: number;
  reportDay: number;
  sourceDocument?: string;
  phases?: { name: string; range: [Dayjs, Dayjs] }[];
}

export function WorkPlanList() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<PlanForm>();
  const list = useQuery({
    queryKey: ['workplans', page],
    queryFn: () => call('GET /api/workplans', { query: page }),
    placeholderData: (p) => p,
  });
  const create = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      const plan = await call('POST /api/workplans', {
        body: {
          title: v.title,
          docNumber: v.docNumber || undefined,
          year: v.year,
          reportDay: v.reportDay,
          sourceDocument: v.sourceDocument || undefined,
          phases: (v.phases ?? []).map((p) => ({
            name: p.name,
            startOn: p.range[0].format('YYYY-MM-DD'),
            endOn: p.range[1].format('YYYY-MM-DD'),
          })),
        },
      });
      setCreating(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['workplans'] });
      navigate(`/workplans/${plan.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Card
      title={t('工作方案', 'Work plans')}
      extra={
        can('workplan.manage') && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="workplan-new">
            {t('印发方案', 'Issue a plan')}
          </Button>
        )
      }
    >
      <Table<WorkPlanView>
        rowKey="id"
        size="middle"
        data-testid="workplan-list"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 700 }}
        onRow={(r) => ({ onClick: () => navigate(`/workplans/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('年度', 'Year'), dataIndex: 'year', width: 80 },
          { title: t('方案名称', 'Title'), dataIndex: 'title' },
          { title: t('文号', 'Document No.'), dataIndex: 'docNumber', render: (v: string | null) => v ?? '—' },
          { title: t('印发单位', 'Issuer'), dataIndex: 'issuerOrgName' },
          { title: t('任务数', 'Tasks'), dataIndex: 'taskCount', width: 90 },
          { title: t('每月报送日', 'Report day'), dataIndex: 'reportDay', width: 110, render: (d: number) => t(`${d}日`, `day ${d}`) },
        ]}
      />
      <Modal open={creating} title={t('印发工作方案', 'Issue a work plan')} onCancel={() => setCreating(false)} onOk={create} width={640}>
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear(), reportDay: 28 }}>
          <Form.Item name="title" label={t('方案名称', 'Title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="docNumber" label={t('文号', 'Document No.')}>
              <Input placeholder="深龙安办〔2018〕291号" />
            </Form.Item>
            <Form.Item name="year" label={t('年度', 'Year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item
              name="reportDay"
              label={t('每月报送日', 'Monthly report day')}
              tooltip={t('非工作日提前到上一个工作日', 'Moved to the previous working day when not a working day')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={31} />
            </Form.Item>
          </Space>
          <Form.Item name="sourceDocument" label={t('来源文件', 'Source document')}>
            <Input />
          </Form.Item>
          <Typography.Text strong>{t('工作步骤', 'Phases')}</Typography.Text>
          <Form.List name="phases">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, max: 50 }]}>
                      <Input placeholder={t('动员部署', 'Mobilisation')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'range']} rules={[{ required: true }]}>
                      <DatePicker.RangePicker />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                  {t('添加阶段', 'Add a phase')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
