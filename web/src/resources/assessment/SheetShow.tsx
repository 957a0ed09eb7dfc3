// One unit's score sheet: the calculation line by line (indicator, value, basis, target, rule, points), the vetoes,
// computed total, adjustment and total; entering a value with evidence while draft; the steps from `abilities`
// (publish, object, adjust, finalize) with the reason they need; the history. Phone-first for the street.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Timeline } from 'antd';
import { sheetActionLabels, sheetStatusLabels, vetoLabels, type ScoreLine, type SheetAction } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useRecord, useRefresh } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { RecordState } from '../../components/ErrorDisplay';
import { applyApiErrors } from '../../components/apiErrors';
import { sheetHistoryStep } from './historyLabels';
import { cstDateTime } from '../../app/time';
import { validValues } from '../../components/validValues';

const needs: Record<SheetAction, ('reason' | 'adjustment')[]> = {
  publish: [],
  object: ['reason'],
  adjust: ['reason', 'adjustment'],
  finalize: [],
};

export function SheetShow() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const q = useRecord('GET /api/assessment/sheets/:id', { params: { id: id! } });
  const [acting, setActing] = useState<SheetAction | 'enter' | null>(null);
  const [form] = Form.useForm();
  if (!q.data)
    return (
      <RecordState query={q} what={{ zh: '考核得分表', en: 'score sheet' }}>
        {() => null}
      </RecordState>
    );
  const s = q.data;
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      if (acting === 'enter')
        await call('POST /api/assessment/sheets/:id/values', { params: { id: s.id }, body: { version: s.version, ...v } });
      else if (acting)
        await call('POST /api/assessment/sheets/:id/act', { params: { id: s.id }, body: { version: s.version, action: acting, ...v } });
      setActing(null);
      form.resetFields();
      await refresh('GET /api/assessment/sheets/:id', 'GET /api/assessment/sheets');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('得分表已被他人更新，已刷新', 'Someone changed this sheet; it was reloaded'));
        setActing(null);
        await refresh('GET /api/assessment/sheets/:id');
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const enterable = s.lines.filter((l) => l.source === 'entered');
  const actions = s.abilities.filter((a): a is SheetAction => a in needs);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${s.year} ${s.orgName}`}
        extra={
          <Space wrap>
            <Tag data-testid="sheet-status">{label(sheetStatusLabels[s.status])}</Tag>
            {s.vetoed && <Tag color="red">{t('一票否决', 'Vetoed')}</Tag>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 4 }}>
          <Descriptions.Item label={t('计算得分', 'Computed')}>{s.computedTotal}</Descriptions.Item>
          <Descriptions.Item label={t('调整', 'Adjustment')}>{s.adjustment}</Descriptions.Item>
          <Descriptions.Item label={t('总分', 'Total')}>
            <b data-testid="sheet-total">{s.total}</b>
          </Descriptions.Item>
          <Descriptions.Item label={t('名次', 'Rank')}>{s.rank ?? '—'}</Descriptions.Item>
          {s.objection && (
            <Descriptions.Item label={t('异议', 'Objection')} span={4}>
              {s.objection}
            </Descriptions.Item>
          )}
          {s.adjustReason && (
            <Descriptions.Item label={t('调整理由', 'Adjustment reason')} span={4}>
              {s.adjustReason}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space wrap style={{ margin: '8px 0' }}>
          {s.abilities.includes('enter') && enterable.length > 0 && (
            <Button onClick={() => setActing('enter')}>{t('填报指标值', 'Enter a value')}</Button>
          )}
          {actions.map((a) => (
            <Button key={a} type={a === 'finalize' ? 'primary' : 'default'} onClick={() => setActing(a)}>
              {label(sheetActionLabels[a])}
            </Button>
          ))}
        </Space>
        <Table<ScoreLine>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={s.lines}
          scroll={{ x: 760 }}
          data-testid="sheet-lines"
          columns={[
            { title: t('指标', 'Indicator'), dataIndex: 'name' },
            { title: t('分值', 'Weight'), dataIndex: 'weight', width: 70 },
            { title: t('取值', 'Value'), dataIndex: 'value', width: 80, render: (v: number | null) => v ?? '—' },
            { title: t('依据', 'Basis'), dataIndex: 'basis' },
            { title: t('目标', 'Target'), dataIndex: 'target' },
            { title: t('计分规则', 'Rule'), dataIndex: 'rule' },
            { title: t('得分', 'Points'), dataIndex: 'points', width: 70 },
          ]}
        />
        {s.vetoes.map((v) => (
          <p key={v.kind}>
            <Tag color={v.hit ? 'red' : 'green'}>{label(vetoLabels[v.kind])}</Tag>
            {v.basis}
          </p>
        ))}
      </Card>
      <Card title={t('记录', 'History')}>
        <Timeline
          items={s.history.map((h) => ({
            children: `${cstDateTime(h.at)} ${h.actorName} · ${sheetHistoryStep(h, label)}`,
          }))}
        />
      </Card>
      <Modal
        open={acting !== null}
        title={acting === 'enter' ? t('填报指标值', 'Enter a value') : acting ? label(sheetActionLabels[acting]) : ''}
        onCancel={() => setActing(null)}
        onOk={submit}
      >
        <Form form={form} layout="vertical">
          {acting === 'enter' && (
            <>
              <Form.Item name="key" label={t('指标', 'Indicator')} rules={[{ required: true }]}>
                <Select options={enterable.map((l) => ({ value: l.key, label: l.name }))} />
              </Form.Item>
              <Form.Item name="value" label={t('取值（%）', 'Value (%)')} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item name="evidence" label={t('佐证', 'Evidence')} rules={[{ required: true, max: 500 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {acting && acting !== 'enter' && needs[acting].includes('reason') && (
            <Form.Item name="reason" label={t('理由', 'Reason')} rules={[{ required: true, max: 1000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {acting && acting !== 'enter' && needs[acting].includes('adjustment') && (
            <Form.Item name="adjustment" label={t('调整分值（可为负）', 'Adjustment (may be negative)')} rules={[{ required: true }]}>
              <InputNumber min={-100} max={100} step={0.5} />
            </Form.Item>
          )}
          {acting && acting !== 'enter' && needs[acting].length === 0 && <p>{t('确认执行？', 'Go ahead?')}</p>}
        </Form>
      </Modal>
    </Space>
  );
}
