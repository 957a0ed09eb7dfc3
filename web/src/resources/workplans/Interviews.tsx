// 约谈: the interviews the caller's side held (the bureau records them: unit, person, when, by whom, why — a task or
// the unit —, minutes, follow-up actions with deadlines) or that were held with its unit (read only).
import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { InterviewView } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useList, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { applyApiErrors } from '../../components/apiErrors';
import { validValues } from '../../components/validValues';

interface InterviewForm {
  orgId: string;
  personName: string;
  personTitle?: string;
  heldOn: Dayjs;
  heldBy: string;
  reason: string;
  minutes?: string;
  followUps?: { action: string; deadline: Dayjs; done?: boolean }[];
}

export function Interviews() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<InterviewView | 'new' | null>(null);
  const [form] = Form.useForm<InterviewForm>();
  const list = useList('GET /api/work-interviews', { query: page });
  const orgs = useQuery({ queryKey: ['organisations'], queryFn: () => call('GET /api/organisations'), enabled: editing === 'new' });
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const followUps = (v.followUps ?? []).map((f) => ({ action: f.action, deadline: f.deadline.format('YYYY-MM-DD'), done: !!f.done }));
    try {
      if (editing === 'new')
        await call('POST /api/work-interviews', {
          body: {
            orgId: v.orgId,
            personName: v.personName,
            personTitle: v.personTitle || undefined,
            heldOn: v.heldOn.format('YYYY-MM-DD'),
            heldBy: v.heldBy,
            reason: v.reason,
            minutes: v.minutes || undefined,
            followUps,
          },
        });
      else if (editing)
        await call('PATCH /api/work-interviews/:id', {
          params: { id: editing.id },
          body: { version: editing.version, minutes: v.minutes || undefined, followUps },
        });
      setEditing(null);
      form.resetFields();
      await refresh('GET /api/work-interviews');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('约谈记录已被他人更新，已刷新', 'Someone changed this record; it was reloaded'));
        setEditing(null);
        await refresh('GET /api/work-interviews');
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const open = (r: InterviewView | 'new') => {
    form.resetFields();
    if (r !== 'new')
      form.setFieldsValue({ minutes: r.minutes ?? undefined, followUps: r.followUps.map((f) => ({ ...f, deadline: dayjs(f.deadline) })) });
    setEditing(r);
  };
  return (
    <Card
      title={t('约谈记录', 'Interviews (约谈)')}
      extra={
        can('workplan.supervise') && (
          <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid="interview-new">
            {t('记录约谈', 'Record an interview')}
          </Button>
        )
      }
    >
      <ErrorDisplay error={list.error} />
      <List<InterviewView>
        loading={list.isLoading}
        dataSource={list.data?.items}
        data-testid="interview-list"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        renderItem={(r) => (
          <List.Item
            actions={
              r.abilities.includes('edit')
                ? [
                    <a key="e" onClick={() => open(r)}>
                      {t('补充', 'Update')}
                    </a>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${r.heldOn} ${r.orgName} · ${r.personName}${r.personTitle ? t(`（${r.personTitle}）`, ` (${r.personTitle})`) : ''}`}
              description={
                <Space direction="vertical" size={2}>
                  <span>
                    {t('约谈人：', 'Held by: ')}
                    {r.heldBy}
                    {t('；事由：', '; reason: ')}
                    {r.reason}
                    {r.taskItem ? t(`（任务：${r.taskItem}）`, ` (task: ${r.taskItem})`) : ''}
                  </span>
                  {r.minutes && <span>{r.minutes}</span>}
                  {r.followUps.map((f, i) => (
                    <span key={i}>
                      <Tag color={f.done ? 'green' : 'orange'}>{f.done ? t('已完成', 'Done') : t('待落实', 'Open')}</Tag>
                      {f.action}
                      {t(`（期限 ${f.deadline}）`, ` (due ${f.deadline})`)}
                    </span>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal open={editing !== null} title={t('约谈记录', 'Interview')} onCancel={() => setEditing(null)} onOk={save} width={640}>
        <Form form={form} layout="vertical">
          {editing === 'new' && (
            <>
              <Form.Item name="orgId" label={t('被约谈单位', 'Unit')} rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={orgs.isLoading}
                  options={(orgs.data ?? [])
                    .filter((o) => o.kind !== 'enterprise')
                    .map((o) => ({ value: o.id, label: o.shortName ?? o.name }))}
                />
              </Form.Item>
              <Space wrap>
                <Form.Item name="personName" label={t('被约谈人', 'Person')} rules={[{ required: true, max: 50 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="personTitle" label={t('职务', 'Title')} rules={[{ max: 50 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="heldOn" label={t('约谈日期', 'Date')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
              </Space>
              <Form.Item name="heldBy" label={t('约谈人', 'Held by')} rules={[{ required: true, max: 100 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="reason" label={t('约谈事由', 'Reason')} rules={[{ required: true, max: 1000 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          <Form.Item name="minutes" label={t('约谈纪要', 'Minutes')} rules={[{ max: 5000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.List name="followUps">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'action']} rules={[{ required: true, max: 300 }]}>
                      <Input placeholder={t('整改措施', 'Follow-up action')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'deadline']} rules={[{ required: true }]}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[f.name, 'done']} valuePropName="checked">
                      <Checkbox>{t('已完成', 'Done')}</Checkbox>
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  {t('添加整改措施', 'Add a follow-up')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
