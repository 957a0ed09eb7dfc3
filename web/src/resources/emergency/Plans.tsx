// 应急预案: the plan list (tabs: all, the officers' review queue of submitted filings, due for evaluation), the
// phone-friendly form an enterprise writes and files its plan with (disposal cards per post), and a plan's page with
// its filing actions, evaluation, revision triggers and duties, versions and the printable cards. Buttons from
// `abilities`.
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  enterprisePlanTypes,
  governmentPlanTypes,
  planStatusLabels,
  planTypeLabels,
  revisionTriggerLabels,
  revisionTriggers,
  type EmergencyPlanView,
  type PlanDetail,
  type PlanStatus,
  type RevisionView,
} from '@anjian/contracts';
import { call, download } from '../../api/client';
import { useList, useRecord, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay, RecordState } from '../../components/ErrorDisplay';
import { validValues } from '../../components/validValues';
import { cstToday } from '../../app/time';

const statusColour: Record<PlanStatus, string> = { draft: 'default', submitted: 'blue', filed: 'green', returned: 'red' };

export function PlanList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [tab, setTab] = useState(params.get('evaluationDue') === 'true' ? 'due' : can('plan.review') ? 'queue' : 'all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = {
    ...page,
    ...(tab === 'queue' ? { status: 'submitted' as const } : {}),
    ...(tab === 'due' ? { evaluationDue: 'true' as const } : {}),
  };
  const list = useList('GET /api/emergency/plans', { query: query as never });
  return (
    <Card
      title={t('应急预案', 'Emergency plans')}
      extra={
        can('plan.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/emergency/plans/new')}>
            {t('编制预案', 'New plan')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k);
          setPage({ ...page, page: 1 });
        }}
        items={[
          ...(can('plan.review') ? [{ key: 'queue', label: t('待备案审查', 'Review queue') }] : []),
          { key: 'all', label: t('全部预案', 'All plans') },
          { key: 'due', label: t('评估到期', 'Evaluation due') },
        ]}
      />
      <ErrorDisplay error={list.error} />
      <Table<EmergencyPlanView>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('预案名称', 'Title'), dataIndex: 'title', render: (v, r) => <Link to={`/emergency/plans/${r.id}`}>{v}</Link> },
          { title: t('类型', 'Type'), dataIndex: 'planType', render: (v: EmergencyPlanView['planType']) => label(planTypeLabels[v]) },
          { title: t('单位', 'Owner'), dataIndex: 'enterpriseName', render: (v: string | null) => v ?? t('政府', 'Government') },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (v: PlanStatus) => <Tag color={statusColour[v]}>{label(planStatusLabels[v])}</Tag>,
          },
          { title: t('备案编号', 'Filing no.'), dataIndex: 'filingNo' },
          {
            title: t('评估到期', 'Evaluation due'),
            dataIndex: 'evaluationDueOn',
            render: (v: string | null, r) => (v ? <span style={{ color: r.evaluationOverdue ? 'red' : undefined }}>{v}</span> : '—'),
          },
          {
            title: t('待修订', 'Open revisions'),
            dataIndex: 'openRevisions',
            render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}

export function PlanForm() {
  const { t, label } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const types = user?.role.startsWith('enterprise_') ? enterprisePlanTypes : governmentPlanTypes;
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const r = await call('POST /api/emergency/plans', { body: { ...v, summary: v.summary || undefined, cards: v.cards ?? [] } as never });
      navigate(`/emergency/plans/${r.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('编制应急预案', 'New emergency plan')} style={{ maxWidth: 720 }}>
      <Form form={form} layout="vertical" initialValues={{ planType: types[0], publishedOn: cstToday(), cards: [] }}>
        <Form.Item name="planType" label={t('预案类型', 'Type')} rules={[{ required: true }]}>
          <Select options={types.map((k) => ({ value: k, label: label(planTypeLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('预案名称', 'Title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="publishedOn" label={t('发布日期', 'Published on')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="summary" label={t('内容摘要', 'Summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Typography.Title level={5}>{t('应急处置卡（每个岗位一张）', 'Disposal cards (one per post)')}</Typography.Title>
        <Form.List name="cards">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  extra={<a onClick={() => remove(f.name)}>{t('删除', 'Remove')}</a>}
                >
                  <Form.Item name={[f.name, 'post']} label={t('岗位', 'Post')} rules={[{ required: true, max: 100 }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'risks']} label={t('主要风险', 'Risks')} rules={[{ required: true, max: 1000 }]}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'steps']} label={t('处置步骤', 'Steps')} rules={[{ required: true, max: 2000 }]}>
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reportTo']} label={t('报告对象', 'Report to')}>
                    <Input />
                  </Form.Item>
                </Card>
              ))}
              <Button block onClick={() => add()} icon={<PlusOutlined />}>
                {t('添加处置卡', 'Add a card')}
              </Button>
            </>
          )}
        </Form.List>
        <Button type="primary" block loading={busy} onClick={save} style={{ marginTop: 16 }}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}

function PlanActions({ p }: { p: PlanDetail }) {
  const { t, label } = useI18n();
  const { message, modal } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = async () => {
    setOpen(null);
    form.resetFields();
    await refresh('GET /api/emergency/plans/:id', 'GET /api/emergency/plans');
  };
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      message.success(t('已保存', 'Saved'));
      await done();
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  const act = (action: 'submit' | 'accept' | 'return' | 'publish', extra: Record<string, string> = {}) =>
    run(() => call('POST /api/emergency/plans/:id/act', { params: { id: p.id }, body: { version: p.version, action, ...extra } }));
  const a = p.abilities;
  const submitForm = async () => {
    const v = await validValues(form);
    if (!v) return;
    if (open === 'accept') return act('accept', { filingNo: v.filingNo });
    if (open === 'return') return act('return', { reason: v.reason });
    if (open === 'evaluate')
      return run(() =>
        call('POST /api/emergency/plans/:id/evaluations', {
          params: { id: p.id },
          body: { version: p.version, evaluatedOn: v.evaluatedOn, conclusion: v.conclusion },
        }),
      );
    if (open === 'trigger')
      return run(() =>
        call('POST /api/emergency/plans/:id/triggers', {
          params: { id: p.id },
          body: { trigger: v.trigger, occurredOn: v.occurredOn, note: v.note },
        }),
      );
    if (open === 'revise')
      return run(() =>
        call('POST /api/emergency/plans/:id/versions', {
          params: { id: p.id },
          body: { version: p.version, publishedOn: v.publishedOn, changeNote: v.changeNote },
        }),
      );
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {a.includes('submit') && (
          <Button
            type="primary"
            loading={busy}
            onClick={() => modal.confirm({ title: t('提交备案？', 'Submit for filing?'), onOk: () => act('submit') })}
          >
            {t('提交备案', 'Submit for filing')}
          </Button>
        )}
        {a.includes('publish') && (
          <Button type="primary" loading={busy} onClick={() => act('publish')}>
            {t('印发', 'Publish')}
          </Button>
        )}
        {a.includes('accept') && (
          <Button type="primary" onClick={() => setOpen('accept')}>
            {t('受理备案', 'Accept filing')}
          </Button>
        )}
        {a.includes('return') && (
          <Button danger onClick={() => setOpen('return')}>
            {t('退回', 'Return')}
          </Button>
        )}
        {a.includes('evaluate') && <Button onClick={() => setOpen('evaluate')}>{t('记录评估', 'Record evaluation')}</Button>}
        {a.includes('trigger') && <Button onClick={() => setOpen('trigger')}>{t('登记修订情形', 'Record a revision trigger')}</Button>}
        {a.includes('revise') && <Button onClick={() => setOpen('revise')}>{t('修订为新版本', 'New version')}</Button>}
        {p.cards.length > 0 && (
          <Button
            icon={<PrinterOutlined />}
            onClick={() => download(`/api/emergency/plans/${p.id}/cards.docx`).catch((e) => message.error(e.message))}
          >
            {t('打印处置卡', 'Print disposal cards')}
          </Button>
        )}
      </Space>
      {open && (
        <Card size="small">
          <Form
            form={form}
            layout="vertical"
            initialValues={{ evaluatedOn: cstToday(), occurredOn: cstToday(), publishedOn: cstToday(), trigger: 'law_change' }}
          >
            {open === 'accept' && (
              <Form.Item name="filingNo" label={t('备案编号', 'Filing number')} rules={[{ required: true, max: 60 }]}>
                <Input />
              </Form.Item>
            )}
            {open === 'return' && (
              <Form.Item name="reason" label={t('退回理由', 'Reason')} rules={[{ required: true, max: 500 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
            {open === 'evaluate' && (
              <>
                <Form.Item name="evaluatedOn" label={t('评估日期', 'Evaluated on')} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
                <Form.Item name="conclusion" label={t('评估结论', 'Conclusion')} rules={[{ required: true, max: 1000 }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
            {open === 'trigger' && (
              <>
                <Form.Item name="trigger" label={t('修订情形', 'Trigger')} rules={[{ required: true }]}>
                  <Select options={revisionTriggers.map((k) => ({ value: k, label: label(revisionTriggerLabels[k]) }))} />
                </Form.Item>
                <Form.Item name="occurredOn" label={t('发生日期', 'Occurred on')} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
                <Form.Item name="note" label={t('说明', 'Note')} rules={[{ required: true, max: 500 }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
            {open === 'revise' && (
              <>
                <Form.Item name="publishedOn" label={t('新版本发布日期', 'Published on')} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
                <Form.Item name="changeNote" label={t('修订说明', 'What changed')} rules={[{ required: true, max: 1000 }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
            <Space>
              <Button type="primary" loading={busy} onClick={submitForm}>
                {t('确定', 'OK')}
              </Button>
              <Button onClick={() => setOpen(null)}>{t('取消', 'Cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  );
}

function Revisions({ items }: { items: RevisionView[] }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const complete = async (r: RevisionView) => {
    try {
      await call('POST /api/emergency/revisions/:id/complete', { params: { id: r.id }, body: { version: r.version } });
      await refresh('GET /api/emergency/plans/:id');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Table<RevisionView>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={items}
      columns={[
        { title: t('修订情形', 'Trigger'), dataIndex: 'trigger', render: (v: RevisionView['trigger']) => label(revisionTriggerLabels[v]) },
        { title: t('发生日期', 'Occurred'), dataIndex: 'occurredOn' },
        {
          title: t('修订期限', 'Due'),
          dataIndex: 'dueOn',
          render: (v: string, r) => <span style={{ color: r.overdue ? 'red' : undefined }}>{v}</span>,
        },
        { title: t('说明', 'Note'), dataIndex: 'note' },
        {
          title: t('完成', 'Done'),
          render: (_, r) =>
            r.completedOn ?? (r.abilities.includes('complete') ? <a onClick={() => complete(r)}>{t('标记完成', 'Mark done')}</a> : '—'),
        },
      ]}
    />
  );
}

export function PlanShow() {
  const { id } = useParams() as { id: string };
  const { t, label } = useI18n();
  const query = useRecord('GET /api/emergency/plans/:id', { params: { id } });
  return (
    <RecordState query={query} what={{ zh: '应急预案', en: 'plan' }}>
      {(p) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card title={p.title} extra={<Tag color={statusColour[p.status]}>{label(planStatusLabels[p.status])}</Tag>}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('类型', 'Type')}>{label(planTypeLabels[p.planType])}</Descriptions.Item>
              <Descriptions.Item label={t('单位', 'Owner')}>{p.enterpriseName ?? t('政府', 'Government')}</Descriptions.Item>
              <Descriptions.Item label={t('版本', 'Version')}>{p.versionNo}</Descriptions.Item>
              <Descriptions.Item label={t('发布日期', 'Published')}>{p.publishedOn}</Descriptions.Item>
              {p.filingDueOn && <Descriptions.Item label={t('备案期限', 'File by')}>{p.filingDueOn}</Descriptions.Item>}
              {p.filingNo && <Descriptions.Item label={t('备案编号', 'Filing no.')}>{p.filingNo}</Descriptions.Item>}
              {p.filedOn && <Descriptions.Item label={t('备案日期', 'Filed on')}>{p.filedOn}</Descriptions.Item>}
              {p.returnReason && <Descriptions.Item label={t('退回理由', 'Returned because')}>{p.returnReason}</Descriptions.Item>}
              <Descriptions.Item label={t('上次评估', 'Last evaluated')}>{p.lastEvaluatedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('评估到期', 'Evaluation due')}>
                <span style={{ color: p.evaluationOverdue ? 'red' : undefined }}>{p.evaluationDueOn ?? '—'}</span>
              </Descriptions.Item>
            </Descriptions>
            {p.summary && <Typography.Paragraph>{p.summary}</Typography.Paragraph>}
            <PlanActions p={p} />
          </Card>
          <Card size="small" title={t('应急处置卡', 'Disposal cards')}>
            {p.cards.length === 0 && t('暂无', 'None')}
            {p.cards.map((c) => (
              <Card key={c.id} size="small" type="inner" title={c.post} style={{ marginBottom: 8 }}>
                <div>
                  <b>{t('主要风险：', 'Risks: ')}</b>
                  {c.risks}
                </div>
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  <b>{t('处置步骤：', 'Steps: ')}</b>
                  {c.steps}
                </div>
                {c.reportTo && (
                  <div>
                    <b>{t('报告对象：', 'Report to: ')}</b>
                    {c.reportTo}
                  </div>
                )}
              </Card>
            ))}
          </Card>
          <Card size="small" title={t('修订任务', 'Revision duties')}>
            <Revisions items={p.revisions} />
          </Card>
          <Card size="small" title={t('版本记录', 'Versions')}>
            <Table
              rowKey="versionNo"
              size="small"
              pagination={false}
              dataSource={p.versions}
              columns={[
                { title: t('版本', 'Version'), dataIndex: 'versionNo' },
                { title: t('发布日期', 'Published'), dataIndex: 'publishedOn' },
                { title: t('修订说明', 'Change'), dataIndex: 'changeNote' },
              ]}
            />
          </Card>
        </Space>
      )}
    </RecordState>
  );
}
