// 应急演练: drill records (an enterprise records its drills from a phone: plan type, kind, 双盲, scenario, date,
// participants; then the evaluation and findings that become actions), and the compliance tab — enterprises against
// the frequency rules (rules.md §11, 第三十三条) with totals by sector and area and the overdue filter.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  drillDutyLabels,
  drillKindLabels,
  drillKinds,
  enterprisePlanTypes,
  planTypeLabels,
  sectorLabels,
  type DrillView,
  type Sector,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { validValues } from '../../components/validValues';
import { cstToday } from '../../app/time';

const stateColour = { done: 'green', due: 'gold', overdue: 'red' } as const;

export function DrillPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [tab, setTab] = useState(params.get('tab') === 'compliance' ? 'compliance' : 'records');
  return (
    <Card title={t('应急演练', 'Drills')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'records', label: t('演练记录', 'Records'), children: <DrillRecords /> },
          {
            key: 'compliance',
            label: t('演练频次达标', 'Compliance'),
            children: <Compliance overdueFirst={params.get('overdue') === 'true'} />,
          },
        ]}
      />
    </Card>
  );
}

function DrillForm({ onDone }: { onDone: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const plans = useList('GET /api/emergency/plans', { query: { page: 1, pageSize: 100, status: 'filed' } });
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await call('POST /api/emergency/drills', {
        body: { ...v, planId: v.planId || undefined, heldOn: v.heldOn || undefined, plannedOn: v.plannedOn || undefined } as never,
      });
      form.resetFields();
      onDone();
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ maxWidth: 640, marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ planType: 'onsite', kind: 'tabletop', doubleBlind: false, heldOn: cstToday(), participants: 0 }}
      >
        <Form.Item name="planId" label={t('演练的预案', 'Plan drilled')}>
          <Select allowClear options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))} />
        </Form.Item>
        <Form.Item name="planType" label={t('预案类型', 'Plan type')} rules={[{ required: true }]}>
          <Select options={enterprisePlanTypes.map((k) => ({ value: k, label: label(planTypeLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('演练形式', 'Kind')} rules={[{ required: true }]}>
          <Select options={drillKinds.map((k) => ({ value: k, label: label(drillKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="doubleBlind" label={t('双盲演练', 'Double-blind')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="scenario" label={t('演练情景', 'Scenario')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('实施日期（未实施则留空并填计划日期）', 'Held on (or leave empty and plan)')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="plannedOn" label={t('计划日期', 'Planned on')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="participants" label={t('参演人数', 'Participants')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" block loading={busy} onClick={save}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}

function FindingForm({ d, onDone }: { d: DrillView; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      if (!d.heldOn)
        await call('POST /api/emergency/drills/:id/record', {
          params: { id: d.id },
          body: { version: d.version, heldOn: v.heldOn, participants: v.participants ?? d.participants, evaluation: v.evaluation },
        });
      else
        await call('POST /api/emergency/drills/:id/findings', {
          params: { id: d.id },
          body: { version: d.version, description: v.description, action: v.action, dueOn: v.dueOn, revisePlan: !!v.revisePlan },
        });
      form.resetFields();
      onDone();
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ heldOn: cstToday(), dueOn: cstToday() }} style={{ maxWidth: 560 }}>
      {!d.heldOn ? (
        <>
          <Form.Item name="heldOn" label={t('实施日期', 'Held on')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="participants" label={t('参演人数', 'Participants')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="evaluation" label={t('演练评估', 'Evaluation')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="description" label={t('发现的问题', 'Finding')} rules={[{ required: true, max: 1000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="action" label={t('整改措施', 'Action')} rules={[{ required: true, max: 1000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('整改期限', 'Due')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          {d.planId && (
            <Form.Item name="revisePlan" valuePropName="checked">
              <Checkbox>{t('需修订预案', 'The plan must be revised')}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
      <Button type="primary" onClick={save}>
        {d.heldOn ? t('添加问题', 'Add finding') : t('记录实施', 'Record as held')}
      </Button>
    </Form>
  );
}

function DrillRecords() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const refresh = useRefresh();
  const [adding, setAdding] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useList('GET /api/emergency/drills', { query: page });
  const reload = () => refresh('GET /api/emergency/drills', 'GET /api/emergency/drill-compliance');
  return (
    <>
      {can('drill.record') && !adding && (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {t('记录演练', 'Record a drill')}
        </Button>
      )}
      {adding && (
        <DrillForm
          onDone={() => {
            setAdding(false);
            void reload();
          }}
        />
      )}
      <ErrorDisplay error={list.error} />
      <Table<DrillView>
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
        expandable={{
          expandedRowRender: (d) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {d.evaluation && (
                <div>
                  {t('评估：', 'Evaluation: ')}
                  {d.evaluation}
                </div>
              )}
              {d.findings.map((f) => (
                <div key={f.id}>
                  • {f.description} → {f.action}
                  {t(`（${f.dueOn}）`, ` (${f.dueOn})`)}
                  {f.revisionId && <Tag color="orange">{t('已生成修订任务', 'Revision duty')}</Tag>}
                </div>
              ))}
              {d.abilities.length > 0 && <FindingForm d={d} onDone={() => void reload()} />}
            </Space>
          ),
        }}
        columns={[
          { title: t('单位', 'Enterprise'), dataIndex: 'enterpriseName' },
          { title: t('情景', 'Scenario'), dataIndex: 'scenario' },
          {
            title: t('形式', 'Kind'),
            dataIndex: 'kind',
            render: (v: DrillView['kind'], r) => (
              <>
                {label(drillKindLabels[v])}
                {r.doubleBlind && <Tag color="purple">{t('双盲', 'Double-blind')}</Tag>}
              </>
            ),
          },
          { title: t('预案类型', 'Plan type'), dataIndex: 'planType', render: (v: DrillView['planType']) => label(planTypeLabels[v]) },
          { title: t('日期', 'Date'), render: (_, r) => r.heldOn ?? `${t('计划', 'planned')} ${r.plannedOn ?? ''}` },
          { title: t('人数', 'People'), dataIndex: 'participants' },
        ]}
      />
    </>
  );
}

function Compliance({ overdueFirst }: { overdueFirst: boolean }) {
  const { t, label } = useI18n();
  const [overdue, setOverdue] = useState(overdueFirst);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useList('GET /api/emergency/drill-compliance', {
    query: { ...page, ...(overdue ? { overdue: 'true' as const } : {}) } as never,
  });
  const sectorName = (k: string) => (sectorLabels[k as Sector] ? label(sectorLabels[k as Sector]) : k);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
        {t('只看逾期企业', 'Overdue only')}
      </Checkbox>
      <ErrorDisplay error={list.error} />
      <Space wrap>
        {(list.data?.bySector ?? []).map((g) => (
          <Tag key={g.key} color={g.overdue > 0 ? 'red' : 'green'}>
            {sectorName(g.key)}
            {t('：', ': ')}
            {g.overdue}/{g.enterprises} {t('逾期', 'overdue')}
          </Tag>
        ))}
      </Space>
      <Space wrap>
        {(list.data?.byArea ?? []).map((g) => (
          <Tag key={g.key}>
            {g.key}
            {t('：', ': ')}
            {g.overdue}/{g.enterprises}
          </Tag>
        ))}
      </Space>
      <Table
        rowKey="enterpriseId"
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
          { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
          { title: t('行业', 'Sector'), dataIndex: 'sector', render: (v: string) => sectorName(v) },
          { title: t('最近预案演练', 'Last plan drill'), dataIndex: 'lastPlanDrillOn', render: (v: string | null) => v ?? '—' },
          { title: t('最近现场处置演练', 'Last on-site drill'), dataIndex: 'lastOnsiteDrillOn', render: (v: string | null) => v ?? '—' },
          {
            title: t('达标情况', 'Duties'),
            dataIndex: 'duties',
            render: (ds: { duty: keyof typeof drillDutyLabels; state: keyof typeof stateColour }[]) => (
              <Space wrap>
                {ds.map((d) => (
                  <Tag key={d.duty} color={stateColour[d.state]}>
                    {label(drillDutyLabels[d.duty])}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
