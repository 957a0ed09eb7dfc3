// One listing through its due process: the dates (objection period, decision, 3-year period, early removal from), the
// history, and the next steps as buttons from `abilities`; steps that need input (objection, reason, document number,
// the early-removal application and its conditions) open a form; every step takes the day it happened (default today).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Result, Skeleton, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { listingActionLabels, listingStatusLabels, type ListingAction } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { criterionLabels } from './ListingList';
import { HistoryCard } from '../../components/HistoryCard';
import { validValues } from '../../components/validValues';

type Field = 'objection' | 'reason' | 'documentNumber' | 'appliedOn' | 'conditions';
const fieldsOf: Record<ListingAction, Field[]> = {
  notice: [],
  receive_objection: ['objection'],
  accept_objection: ['reason'],
  reject_objection: ['reason'],
  decide: ['documentNumber'],
  publish: [],
  remove_on_expiry: [],
  remove_early: ['appliedOn', 'reason', 'conditions'],
  revoke_removal: ['reason'],
  drop: ['reason'],
};

export function ListingShow() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['credit-listing', id];
  const q = useQuery({ queryKey: key, queryFn: () => call('GET /api/credit/listings/:id', { params: { id: id! } }), retry: false });
  const [acting, setActing] = useState<ListingAction | null>(null);
  const [form] = Form.useForm();
  if (q.isLoading) return <Skeleton active />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title="404" subTitle={t('记录不存在', 'No such listing')} />;
  if (!q.data) return <Alert type="error" message={String(q.error)} />;
  const r = q.data;
  const run = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      action: acting!,
      version: r.version,
      on: v.on ? v.on.format('YYYY-MM-DD') : undefined,
      objection: v.objection,
      reason: v.reason,
      documentNumber: v.documentNumber,
      appliedOn: v.appliedOn ? v.appliedOn.format('YYYY-MM-DD') : undefined,
      ...(acting === 'remove_early'
        ? {
            penaltyExecuted: !!v.conditions?.includes('penaltyExecuted'),
            harmRemoved: !!v.conditions?.includes('harmRemoved'),
            noNewConduct: !!v.conditions?.includes('noNewConduct'),
          }
        : {}),
    };
    try {
      await call('POST /api/credit/listings/:id/act', { params: { id: r.id }, body });
      setActing(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('记录已被他人更新，已刷新', 'Someone changed this listing; it was reloaded'));
        setActing(null);
        await qc.invalidateQueries({ queryKey: key });
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const actions = r.abilities.filter((a): a is ListingAction => a in listingActionLabels);
  const fields = acting ? fieldsOf[acting] : [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${t('严重失信主体名单', 'Serious-dishonesty list')} · ${r.partyName}`}
        extra={<Tag data-testid="listing-status">{label(listingStatusLabels[r.status])}</Tag>}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          {actions.map((a) => (
            <Button key={a} data-testid={`listing-act-${a}`} danger={a === 'revoke_removal'} onClick={() => setActing(a)}>
              {label(listingActionLabels[a])}
            </Button>
          ))}
        </Space>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('统一社会信用代码', 'Credit code')}>{r.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('主要负责人', 'Principal')}>{r.principalName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('列入情形', 'Criteria')} span={2}>
            {r.criteria.map((c) => label(criterionLabels[c])).join(t('；', '; '))}
          </Descriptions.Item>
          <Descriptions.Item label={t('事实与理由', 'Grounds')} span={2}>
            {r.grounds}
          </Descriptions.Item>
          <Descriptions.Item label={t('拟列入日期', 'Proposed')}>{r.proposedOn}</Descriptions.Item>
          <Descriptions.Item label={t('告知日期', 'Noticed')}>{r.noticedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('异议期至（工作日）', 'Objections until (working days)')}>{r.objectionDue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('异议', 'Objection')}>{r.objection ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('复核意见', 'Review')}>{r.reviewReason ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('决定书文号', 'Decision number')}>{r.documentNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('决定日期', 'Decided')}>{r.decidedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('公开日期', 'Published')}>{r.publishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('管理期至（3年）', 'Period ends (3 years)')}>{r.periodEnd ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('可申请提前移出（满12个月）', 'Early removal from (12 months)')}>
            {r.earlyRemovalFrom ?? '—'}
          </Descriptions.Item>
          {r.removedOn && (
            <Descriptions.Item label={t('移出', 'Removed')}>
              {r.removedOn} {r.removalKind === 'early' ? t('提前移出', 'early') : t('期满', 'on expiry')} {r.removalReason ?? ''}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <HistoryCard history={r.history} labels={{ ...listingActionLabels, propose: { zh: '拟列入', en: 'Proposed' } }} />
      <Modal open={!!acting} title={acting ? label(listingActionLabels[acting]) : ''} onOk={run} onCancel={() => setActing(null)}>
        <Form form={form} layout="vertical">
          <Form.Item name="on" label={t('办理日期（默认今天）', 'Date (default today)')}>
            <DatePicker />
          </Form.Item>
          {fields.includes('objection') && (
            <Form.Item name="objection" label={t('异议内容', 'Objection')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {fields.includes('documentNumber') && (
            <Form.Item name="documentNumber" label={t('决定书文号', 'Decision number')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
          {fields.includes('appliedOn') && (
            <Form.Item name="appliedOn" label={t('申请日期', 'Application date')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          )}
          {fields.includes('conditions') && (
            <Form.Item name="conditions" label={t('提前移出条件', 'Conditions')}>
              <Checkbox.Group
                options={[
                  { value: 'penaltyExecuted', label: t('行政处罚已履行完毕', 'Penalty executed') },
                  { value: 'harmRemoved', label: t('危害后果和不良影响已消除', 'Harm removed') },
                  { value: 'noNewConduct', label: t('未再发生严重失信行为', 'No new conduct') },
                ]}
              />
            </Form.Item>
          )}
          {fields.includes('reason') && (
            <Form.Item name="reason" label={t('理由', 'Reason')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
