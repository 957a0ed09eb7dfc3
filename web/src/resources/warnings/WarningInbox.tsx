// The warning inbox: warnings fired on records in the caller's scope, newest first, filtered by status and level;
// each with its evidence and suggested action, and the steps its abilities allow (acknowledge, handle and close with
// a note). Phone-first: one card per warning.
import { useState } from 'react';
import { App, Card, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { warningLevelLabels, warningLevels, warningStatuses, type WarningView } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useList, useRecord, useRefresh } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay, RecordState, errorText } from '../../components/ErrorDisplay';
import { applyApiErrors } from '../../components/apiErrors';
import { evidenceText, levelColors, warningStatusLabels } from './labels';
import { validValues } from '../../components/validValues';

type Step = 'acknowledge' | 'handle' | 'close';

function WarningCard({ w, onStep }: { w: WarningView; onStep: (w: WarningView, step: Step) => void }) {
  const { t, label, lang } = useI18n();
  const evidence = evidenceText(w.evidence, lang);
  const steps: Record<Step, string> = { acknowledge: t('签收', 'Acknowledge'), handle: t('处置', 'Handle'), close: t('关闭', 'Close') };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="warning-item">
      <Space wrap>
        <Tag color={levelColors[w.level]}>{label(warningLevelLabels[w.level])}</Tag>
        <b>{w.subjectLabel}</b>
        <span>{w.ruleName}</span>
        <Tag>{label(warningStatusLabels[w.status])}</Tag>
        <span>{w.firedOn}</span>
        {w.escalatedOn && <Tag color="red">{t(`已上报 ${w.escalatedOn}`, `Escalated ${w.escalatedOn}`)}</Tag>}
      </Space>
      <div>
        {t('依据：', 'Evidence: ')}
        {evidence.summary}
        {evidence.items.length > 0 && `${t('（', ' (')}${evidence.items.join(t('；', '; '))}${t('）', ')')}`}
      </div>
      <div>
        {t('建议措施：', 'Suggested action: ')}
        {w.action}
      </div>
      {w.handledNote && (
        <div>
          {t('处置情况：', 'Handling: ')}
          {w.handledNote}
        </div>
      )}
      {w.closedNote && (
        <div>
          {t('关闭说明：', 'Closing note: ')}
          {w.closedNote}
        </div>
      )}
      <Space>
        {(w.abilities as Step[]).map((s) => (
          <a key={s} onClick={() => onStep(w, s)} data-testid={`warning-${s}`}>
            {steps[s]}
          </a>
        ))}
      </Space>
    </Space>
  );
}

function useSteps() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ note?: string }>();
  const [pending, setPending] = useState<{ w: WarningView; step: Step } | null>(null);
  const submit = async (w: WarningView, step: Step, note?: string) => {
    try {
      await call('POST /api/warnings/:id/act', {
        params: { id: w.id },
        body: { action: step, version: w.version, ...(note ? { note } : {}) },
      });
      setPending(null);
      form.resetFields();
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest || e instanceof ApiError) message.error(rest ?? errorText(e));
    }
    await refresh('GET /api/warnings', 'GET /api/warnings/:id');
  };
  const onStep = (w: WarningView, step: Step) => (step === 'acknowledge' ? submit(w, step) : setPending({ w, step }));
  const modal = (
    <Modal
      open={pending !== null}
      title={pending?.step === 'handle' ? t('处置预警', 'Handle the warning') : t('关闭预警', 'Close the warning')}
      onCancel={() => setPending(null)}
      onOk={async () => {
        const v = await validValues(form);
        if (!v) return;
        if (pending) await submit(pending.w, pending.step, v.note);
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('说明', 'Note')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={4} data-testid="warning-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
  return { onStep, modal };
}

export function WarningInbox() {
  const { t, label } = useI18n();
  const [filter, setFilter] = useState<{ status?: WarningView['status']; level?: WarningView['level'] }>({ status: 'open' });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useList('GET /api/warnings', { query: { ...filter, ...page } });
  const { onStep, modal } = useSteps();
  return (
    <Card
      title={t('预警信息', 'Warnings')}
      extra={
        <Space wrap>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('状态', 'Status')}
            value={filter.status}
            onChange={(status) => setFilter({ ...filter, status })}
            options={warningStatuses.map((s) => ({ value: s, label: label(warningStatusLabels[s]) }))}
          />
          <Select
            allowClear
            style={{ width: 100 }}
            placeholder={t('级别', 'Level')}
            value={filter.level}
            onChange={(level) => setFilter({ ...filter, level })}
            options={warningLevels.map((l) => ({ value: l, label: label(warningLevelLabels[l]) }))}
          />
        </Space>
      }
    >
      <ErrorDisplay error={list.error} />
      <List<WarningView>
        loading={list.isLoading}
        dataSource={list.data?.items}
        data-testid="warning-list"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        renderItem={(w) => (
          <List.Item>
            <WarningCard w={w} onStep={onStep} />
          </List.Item>
        )}
      />
      {modal}
    </Card>
  );
}

export function WarningShow() {
  const { id } = useParams();
  const q = useRecord('GET /api/warnings/:id', { params: { id: id! } });
  const { onStep, modal } = useSteps();
  return (
    <Card>
      <RecordState query={q} what={{ zh: '预警', en: 'warning' }}>
        {(w) => <WarningCard w={w} onStep={onStep} />}
      </RecordState>
      {modal}
    </Card>
  );
}
