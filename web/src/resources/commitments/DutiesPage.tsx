// 八个一次: an enterprise's year of duties on a phone (each period's state, recording this month's inspection with a
// photo, correcting a returned record) and, for officers, the records to check, compliance by area and sector and the
// enterprises falling behind.
import { useRef, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, List, Modal, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { dutyKindLabels, dutyRecordStatusLabels, sectorLabels, type DutyKind, type DutyRecordView, type Sector } from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRecord, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { validValues } from '../../components/validValues';
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { cstToday } from '../../app/time';

const statusColour = { submitted: 'blue', accepted: 'green', returned: 'red' } as const;
const recentYears = () => [0, 1, 2].map((k) => Number(cstToday().slice(0, 4)) - k).map((y) => ({ value: y, label: String(y) }));
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function DutiesPage() {
  const { user } = useAuth();
  return user?.enterpriseId ? <EnterpriseDuties enterpriseId={user.enterpriseId} /> : <OfficerDuties />;
}

interface Target {
  duty: DutyKind;
  period: string;
  record?: { id: string };
}

export function EnterpriseDuties({ enterpriseId }: { enterpriseId: string }) {
  const { t, label } = useI18n();
  const [year, setYear] = useState(Number(cstToday().slice(0, 4)));
  const q = useRecord('GET /api/enterprises/:id/duties', { params: { id: enterpriseId }, query: { year } });
  const [target, setTarget] = useState<Target | null>(null);
  if (q.error) return <ErrorDisplay error={q.error} />;
  const b = q.data;
  const thisMonth = cstToday().slice(0, 7);
  const monthly = b?.duties.find((d) => d.duty === 'monthly_inspection')?.periods.find((p) => p.period === thisMonth);
  return (
    <Card
      title={t('八个一次', 'The principal’s eight duties')}
      loading={q.isLoading}
      extra={<Select value={year} onChange={setYear} options={recentYears()} />}
    >
      {b && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Statistic title={t('已到期项目', 'Due')} value={b.due} />
            <Statistic title={t('已通过', 'Accepted')} value={b.accepted} />
          </Space>
          {b.canRecord && monthly && !monthly.recordId && (
            <Button
              type="primary"
              block
              icon={<CameraOutlined />}
              style={{ marginBottom: 12 }}
              data-testid="record-this-month"
              onClick={() => setTarget({ duty: 'monthly_inspection', period: thisMonth })}
            >
              {t('登记本月带队检查', 'Record this month’s inspection')}
            </Button>
          )}
          <List
            dataSource={b.duties}
            renderItem={(d) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <div style={{ fontWeight: 500 }}>{label(dutyKindLabels[d.duty])}</div>
                  <Space wrap size={4}>
                    {d.periods.map((p) => {
                      const canAct = b.canRecord && p.state !== 'future' && (!p.status || p.status === 'returned');
                      const text = p.status
                        ? label(dutyRecordStatusLabels[p.status])
                        : p.state === 'future'
                          ? t('未开始', 'Not begun')
                          : t('未登记', 'Not recorded');
                      const colour = p.status ? statusColour[p.status] : p.state === 'ended' ? 'orange' : undefined;
                      return (
                        <Tag
                          key={p.period}
                          color={colour}
                          style={{ cursor: canAct ? 'pointer' : undefined }}
                          onClick={
                            canAct
                              ? () => setTarget({ duty: d.duty, period: p.period, record: p.recordId ? { id: p.recordId } : undefined })
                              : undefined
                          }
                        >
                          {p.period.length > 4 ? p.period.slice(5) : p.period} {text}
                        </Tag>
                      );
                    })}
                  </Space>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
      <Modal
        open={!!target}
        footer={null}
        onCancel={() => setTarget(null)}
        destroyOnHidden
        title={target ? `${label(dutyKindLabels[target.duty])} · ${target.period}` : ''}
      >
        {target && <RecordForm enterpriseId={enterpriseId} target={target} onDone={() => setTarget(null)} />}
      </Modal>
    </Card>
  );
}

function RecordForm({ enterpriseId, target, onDone }: { enterpriseId: string; target: Target; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const existing = useRecord('GET /api/duty-records/:id', { params: { id: target.record?.id ?? '' } }, { enabled: !!target.record });
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      const f = await call('POST /api/duty-records/attachments', { form: fd });
      setFiles((xs) => [...xs, f]);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const body = { heldOn: v.heldOn, summary: v.summary, participants: v.participants ?? undefined };
      if (existing.data)
        await call('POST /api/duty-records/:id/resubmit', {
          params: { id: existing.data.id },
          body: { ...body, version: existing.data.version, attachments: files.map((f) => f.id) },
        });
      else
        await call('POST /api/duty-records', {
          body: { ...body, enterpriseId, duty: target.duty, period: target.period, attachments: files.map((f) => f.id) },
        });
      message.success(t('已提交，待街道核查', 'Submitted for the street to check'));
      await refresh('GET /api/enterprises/:id/duties');
      onDone();
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  const periodStart = target.period.length === 7 ? `${target.period}-01` : undefined;
  return (
    <Form form={form} layout="vertical" initialValues={{ heldOn: periodStart && cstToday() < periodStart ? periodStart : cstToday() }}>
      {existing.data?.reviewNote && <ErrorDisplay error={`${t('退回理由：', 'Returned because: ')}${existing.data.reviewNote}`} />}
      <Form.Item name="heldOn" label={t('开展日期', 'Held on')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('情况记录（检查内容、发现问题、会议纪要等）', 'What was done (findings, minutes …)')}
        rules={[{ required: true, max: 2000 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="participants" label={t('参加人数', 'Participants')}>
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('佐证材料（照片、纪要、签到表）', 'Evidence (photos, minutes, attendance)')} required={!existing.data}>
        <Space wrap>
          {files.map((f) => (
            <Tag key={f.id}>{f.name}</Tag>
          ))}
          <Button icon={<CameraOutlined />} onClick={() => input.current?.click()}>
            {t('拍照 / 上传', 'Photo / upload')}
          </Button>
        </Space>
        <HiddenFileInput
          ref={input}
          accept="image/*,application/pdf"
          capture="environment"
          data-testid="duty-photo-input"
          onFiles={(files) => void upload(files[0])}
        />
      </Form.Item>
      <Button type="primary" block loading={busy} disabled={!existing.data && files.length === 0} onClick={save} data-testid="submit-duty">
        {existing.data ? t('修改后重新提交', 'Resubmit') : t('提交', 'Submit')}
      </Button>
    </Form>
  );
}

function OfficerDuties() {
  const { t, can } = { ...useI18n(), ...useAuth() };
  return (
    <Card title={t('八个一次落实情况', 'The principal’s eight duties')}>
      <Tabs
        items={[
          { key: 'check', label: t('待核查', 'To check'), children: <CheckQueue /> },
          ...(can('duty.stats')
            ? [
                { key: 'compliance', label: t('落实率', 'Compliance'), children: <Compliance /> },
                { key: 'laggards', label: t('未落实企业', 'Falling behind'), children: <Laggards /> },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function CheckQueue() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const q = useList('GET /api/duty-records', { query: { status: 'submitted', page, pageSize: 20 } });
  const refresh = useRefresh();
  const act = async (r: DutyRecordView, action: 'accept' | 'return') => {
    let note: string | undefined;
    if (action === 'return') {
      note = window.prompt(t('退回理由', 'Reason for returning')) ?? undefined;
      if (!note) return;
    }
    try {
      if (action === 'accept') await call('POST /api/duty-records/:id/accept', { params: { id: r.id }, body: { version: r.version } });
      else await call('POST /api/duty-records/:id/return', { params: { id: r.id }, body: { version: r.version, note: note! } });
      await refresh('GET /api/duty-records');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <ErrorDisplay error={q.error} />
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        scroll={{ x: true }}
        columns={[
          { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
          { title: t('职责', 'Duty'), render: (_, r) => label(dutyKindLabels[r.duty]) },
          { title: t('期间', 'Period'), dataIndex: 'period' },
          { title: t('开展日期', 'Held on'), dataIndex: 'heldOn' },
          { title: t('情况', 'Summary'), dataIndex: 'summary', ellipsis: true },
          {
            title: t('佐证', 'Evidence'),
            render: (_, r) =>
              r.attachments.map((f) => (
                <a key={f.id} href={`/api/files/${f.id}`} target="_blank" rel="noreferrer" style={{ marginRight: 6 }}>
                  {f.name}
                </a>
              )),
          },
          {
            title: t('操作', 'Actions'),
            render: (_, r) => (
              <Space>
                {r.abilities.includes('accept') && (
                  <Button size="small" type="primary" onClick={() => act(r, 'accept')}>
                    {t('通过', 'Accept')}
                  </Button>
                )}
                {r.abilities.includes('return') && (
                  <Button size="small" danger onClick={() => act(r, 'return')}>
                    {t('退回', 'Return')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function Compliance() {
  const { t, label } = useI18n();
  const [year, setYear] = useState(Number(cstToday().slice(0, 4)));
  const q = useList('GET /api/duties/compliance', { query: { year } });
  const c = q.data;
  return (
    <>
      <Select value={year} onChange={setYear} style={{ marginBottom: 12 }} options={recentYears()} />
      <ErrorDisplay error={q.error} />
      {c && (
        <>
          <Space wrap size="large" style={{ marginBottom: 12 }}>
            <Statistic title={t('企业数', 'Enterprises')} value={c.enterprises} />
            <Statistic title={t('应落实（已到期）', 'Due (ended periods)')} value={c.due} />
            <Statistic title={t('已通过', 'Accepted')} value={c.accepted} />
            <Statistic title={t('落实率（目标100%）', 'Rate (target 100%)')} value={pct(c.rate)} />
          </Space>
          <Table
            rowKey="areaCode"
            size="small"
            pagination={false}
            dataSource={c.areas}
            columns={[
              { title: t('区域', 'Area'), render: (_, r) => r.areaName ?? r.areaCode },
              { title: t('企业数', 'Enterprises'), dataIndex: 'enterprises' },
              { title: t('应落实', 'Due'), dataIndex: 'due' },
              { title: t('已通过', 'Accepted'), dataIndex: 'accepted' },
              { title: t('落实率', 'Rate'), render: (_, r) => pct(r.rate) },
            ]}
          />
          <Table
            rowKey="sector"
            size="small"
            style={{ marginTop: 12 }}
            pagination={false}
            dataSource={c.sectors}
            columns={[
              { title: t('行业', 'Sector'), render: (_, r) => label(sectorLabels[r.sector as Sector]) || r.sector },
              { title: t('企业数', 'Enterprises'), dataIndex: 'enterprises' },
              { title: t('已通过', 'Accepted'), dataIndex: 'accepted' },
              { title: t('落实率', 'Rate'), render: (_, r) => pct(r.rate) },
            ]}
          />
          <Table
            rowKey={(r) => `${r.duty}:${r.period}`}
            size="small"
            style={{ marginTop: 12 }}
            pagination={false}
            dataSource={c.periods}
            columns={[
              { title: t('职责', 'Duty'), render: (_, r) => label(dutyKindLabels[r.duty]) },
              { title: t('期间', 'Period'), dataIndex: 'period' },
              { title: t('已登记', 'Recorded'), dataIndex: 'recorded' },
              { title: t('已通过', 'Accepted'), dataIndex: 'accepted' },
              { title: t('通过率', 'Rate'), render: (_, r) => (r.ended ? pct(r.rate) : `${pct(r.rate)} ${t('（进行中）', '(open)')}`) },
            ]}
          />
        </>
      )}
    </>
  );
}

function Laggards() {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const year = Number(cstToday().slice(0, 4));
  const q = useList('GET /api/duties/laggards', { query: { year, page, pageSize: 20 } });
  return (
    <>
      <ErrorDisplay error={q.error} />
      <Table
        rowKey="enterpriseId"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
          { title: t('行业', 'Sector'), render: (_, r) => label(sectorLabels[r.sector as Sector]) || r.sector },
          { title: t('已通过 / 应落实', 'Accepted / due'), render: (_, r) => `${r.accepted} / ${r.due}` },
          {
            title: t('未落实', 'Missing'),
            render: (_, r) =>
              r.missing.slice(0, 6).map((m) => {
                const [duty, period] = m.split(':') as [DutyKind, string];
                return <Tag key={m}>{`${label(dutyKindLabels[duty])} ${period}`}</Tag>;
              }),
          },
        ]}
      />
    </>
  );
}
