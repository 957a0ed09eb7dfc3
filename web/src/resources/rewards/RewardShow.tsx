// One reward: the finding, the amount and how it was computed, approval and payment, the history, and the next steps
// as buttons from `abilities`. The reporter is not shown: the payer who must identify the reporter opens the report's
// vault from the report page (with a reason, audited).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Timeline } from 'antd';
import {
  accidentLevels,
  reportCategoryLabels,
  rewardActionLabels,
  rewardFineSourceLabels,
  rewardMatterLabels,
  rewardMatters,
  rewardPayMethodLabels,
  rewardPayMethods,
  rewardStatusLabels,
  verificationFindingLabels,
  type RewardAction,
  type RewardActBody,
  type RewardDetail,
} from '@anjian/contracts';
import { ApiError } from '../../api/client';
import { useCommand, useRecord } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { RecordState } from '../../components/ErrorDisplay';
import { accidentLevelLabels, yuan } from './labels';
import { ReceiptInput } from './ReceiptInput';
import { cstDateTime } from '../../app/time';
import { validValues } from '../../components/validValues';

type Fields = Omit<RewardActBody, 'action' | 'version'>;
const needsForm: Record<RewardAction, boolean> = {
  propose: true,
  return: true,
  approve: false,
  pay: true,
  decline: true,
  lapse: true,
};

export function RewardShow() {
  const { id } = useParams();
  const q = useRecord('GET /api/rewards/:id', { params: { id: id! } });
  return (
    <RecordState query={q} what={{ zh: '举报奖励', en: 'reward' }}>
      {(r) => <Reward r={r} />}
    </RecordState>
  );
}

function Reward({ r }: { r: RewardDetail }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const act = useCommand('POST /api/rewards/:id/act', ['GET /api/rewards/:id', 'GET /api/rewards', 'GET /api/rewards/rate']);
  const [acting, setActing] = useState<RewardAction | null>(null);
  const [form] = Form.useForm<Fields>();
  const matter = Form.useWatch('matter', form);
  const run = async (action: RewardAction) => {
    const fields = needsForm[action] ? await validValues(form) : {};
    if (!fields) return;
    try {
      await act.mutateAsync({ params: { id: r.id }, body: { action, version: r.version, ...fields } });
      setActing(null);
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('该奖励已被他人更新，已刷新', 'Someone changed this reward; it was reloaded'));
        setActing(null);
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const actions = r.abilities.filter((a): a is RewardAction => a in rewardActionLabels);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${t('举报奖励', 'Report reward')} · ${label(reportCategoryLabels[r.reportCategory])}`}
        extra={<Tag data-testid="reward-status">{label(rewardStatusLabels[r.status])}</Tag>}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          {actions.map((a) => (
            <Button
              key={a}
              type={a === 'decline' || a === 'lapse' || a === 'return' ? 'default' : 'primary'}
              data-testid={`reward-act-${a}`}
              onClick={() => (needsForm[a] ? setActing(a) : run(a))}
            >
              {label(rewardActionLabels[a])}
            </Button>
          ))}
          <Link to={`/reports/${r.reportId}`}>{t('查看举报', 'Open the report')}</Link>
        </Space>
        {r.status === 'approved' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t(
              '发放时核验举报人身份：在举报详情页“查看举报人”，说明理由（记入审计）。',
              'To check the reporter’s identity when paying, use “Reveal reporter” on the report page (with a reason; audited).',
            )}
          />
        )}
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('核查结果', 'Finding')}>{label(verificationFindingLabels[r.finding])}</Descriptions.Item>
          <Descriptions.Item label={t('应奖日期', 'Due on')}>{r.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('地区', 'Area')}>{r.areaName ?? r.areaCode}</Descriptions.Item>
          <Descriptions.Item label={t('被举报单位', 'Enterprise')}>{r.enterpriseName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('奖励事项', 'Matter')}>{r.matter ? label(rewardMatterLabels[r.matter]) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('处罚决定书/事故编号', 'Decision / accident')}>{r.basisRef ?? '—'}</Descriptions.Item>
          {r.fine !== null && (
            <Descriptions.Item label={t('罚款金额', 'Fine')}>
              <span data-testid="reward-fine">{yuan(r.fine)}</span>
              {r.fineSource && <Tag style={{ marginLeft: 8 }}>{label(rewardFineSourceLabels[r.fineSource])}</Tag>}
              {r.fineCases.map((c) => (
                <div key={c.caseId}>
                  <Link to={c.link}>{c.number}</Link> · {yuan(c.fine)}
                  {r.fineReadOn ? ` · ${t('读取于', 'read on')} ${r.fineReadOn}` : ''}
                </div>
              ))}
            </Descriptions.Item>
          )}
          {r.accidentLevel && (
            <Descriptions.Item label={t('事故等级 / 查实瞒报死亡', 'Level / concealed deaths')}>
              {label(accidentLevelLabels[r.accidentLevel])} · {r.deaths}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('奖励金额', 'Amount')}>
            <span data-testid="reward-amount">{yuan(r.amount)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('计算依据', 'Computation')}>{r.computation ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('拟定', 'Proposed')}>
            {r.proposedOn ? `${r.proposedOn} ${r.proposedByName ?? ''}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('批准', 'Approved')}>
            {r.approvedOn ? `${r.approvedOn} ${r.approvedByName ?? ''}` : '—'}
          </Descriptions.Item>
          {r.claimDue && r.status === 'approved' && (
            <Descriptions.Item label={t('领取期限', 'Claim by')}>
              {r.claimDue} {t('（逾期自动失效）', '(lapses automatically after)')}
            </Descriptions.Item>
          )}
          {r.paidOn && (
            <Descriptions.Item label={t('发放', 'Paid')}>
              {r.paidOn} · {r.payMethod ? label(rewardPayMethodLabels[r.payMethod]) : ''} · {r.receiptNo}
            </Descriptions.Item>
          )}
          {r.paidOn && (r.receipt || r.noReceiptReason) && (
            <Descriptions.Item label={t('发放凭证', 'Voucher')}>
              {r.receipt ? (
                <a href={`/api/files/${r.receipt.id}`} data-testid="reward-receipt">
                  {r.receipt.name}
                </a>
              ) : (
                (r.noReceiptReason ?? '')
              )}
            </Descriptions.Item>
          )}
          {r.reason && <Descriptions.Item label={t('理由', 'Reason')}>{r.reason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('办理记录', 'History')}>
        <Timeline
          items={r.history.map((h) => ({
            children: `${cstDateTime(h.at)} ${h.actorName ?? ''} · ${
              h.action in rewardActionLabels ? label(rewardActionLabels[h.action as RewardAction]) : t('应予奖励', 'Reward due')
            }`,
          }))}
        />
      </Card>
      <Modal
        open={acting !== null}
        title={acting ? label(rewardActionLabels[acting]) : ''}
        onCancel={() => setActing(null)}
        onOk={() => acting && run(acting)}
        confirmLoading={act.isPending}
        okButtonProps={{ 'data-testid': 'reward-act-ok' } as never}
      >
        <Form
          form={form}
          layout="vertical"
          // A fine read from the linked decisions fills the proposal (its source stays 'case' unless changed).
          initialValues={{
            matter: r.fineSource === 'case' || r.reportCategory !== 'concealed_accident' ? 'fine' : 'concealed_accident',
            ...(r.fineSource === 'case' ? { fine: r.fine ?? undefined, basisRef: r.basisRef ?? undefined } : {}),
          }}
        >
          {acting === 'propose' && (
            <>
              <Form.Item name="matter" label={t('奖励事项', 'Matter')} rules={[{ required: true }]}>
                <Radio.Group options={rewardMatters.map((m) => ({ value: m, label: label(rewardMatterLabels[m]) }))} />
              </Form.Item>
              {matter === 'concealed_accident' ? (
                <>
                  <Form.Item name="accidentLevel" label={t('事故等级', 'Accident level')} rules={[{ required: true }]}>
                    <Select options={accidentLevels.map((l) => ({ value: l, label: label(accidentLevelLabels[l]) }))} />
                  </Form.Item>
                  <Form.Item name="deaths" label={t('查实瞒报谎报死亡人数', 'Concealed deaths')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={1000} precision={0} />
                  </Form.Item>
                </>
              ) : (
                <Form.Item name="fine" label={t('罚款金额（元）', 'Fine (yuan)')} rules={[{ required: true }]}>
                  <InputNumber min={0} precision={2} style={{ width: 200 }} />
                </Form.Item>
              )}
              <Form.Item
                name="basisRef"
                label={t('处罚决定书或事故编号', 'Decision or accident reference')}
                rules={[{ required: true, max: 100 }]}
              >
                <Input />
              </Form.Item>
            </>
          )}
          {acting === 'pay' && (
            <>
              <Form.Item name="paidOn" label={t('发放日期', 'Date paid')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="payMethod" label={t('发放方式', 'Method')} rules={[{ required: true }]}>
                <Select options={rewardPayMethods.map((m) => ({ value: m, label: label(rewardPayMethodLabels[m]) }))} />
              </Form.Item>
              <Form.Item name="receiptNo" label={t('收据编号', 'Receipt number')} rules={[{ required: true, max: 100 }]}>
                <Input />
              </Form.Item>
              <Form.Item
                name="receiptFileId"
                label={t('发放凭证（银行回单、签收单的照片或扫描件）', 'Voucher (bank slip or signed receipt, photo or scan)')}
              >
                <ReceiptInput />
              </Form.Item>
              <Form.Item name="noReceiptReason" label={t('无凭证时说明理由', 'Reason, if there is no voucher')} rules={[{ max: 500 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {(acting === 'return' || acting === 'decline' || acting === 'lapse') && (
            <Form.Item name="reason" label={t('理由', 'Reason')} rules={[{ required: true, max: 500 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
