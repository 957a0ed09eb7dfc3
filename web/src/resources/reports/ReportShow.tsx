// One report as a handler sees it (never the reporter): the facts and the reporter's photos (a tap enlarges them), the
// deadlines, the history, and the next steps as
// buttons from `abilities`; the district bureau's "reveal the reporter" asks for a reason (audited).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Result, Skeleton, Space, Tag, Timeline } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  reportActionLabels,
  reportCategoryLabels,
  reportChannelLabels,
  reportStatusLabels,
  type ReportAction,
  type RevealedReporter,
} from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { dueOf } from './ReportList';
import { ReportHandling } from './ReportHandling';
import { FindingCard } from '../rewards/FindingCard';
import { ReportDuplicates } from './ReportDuplicates';
import { ReportPhotoGallery } from './ReportPhotos';
import { cstDateTime } from '../../app/time';
import { validValues } from '../../components/validValues';

const fieldsOf: Record<ReportAction, ('reason' | 'transferTarget' | 'findings' | 'reply')[]> = {
  accept: [],
  reject: ['reason'],
  transfer: ['transferTarget', 'reason'],
  assign: [],
  reply: ['findings', 'reply'],
  close: [],
};

/** The creating steps of the history, which are not handling actions. */
const historyLabels: Record<string, { zh: string; en: string }> = {
  submit: { zh: '提交举报', en: 'Submitted' },
  record: { zh: '登记举报', en: 'Recorded' },
};

export function ReportShow() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['report', id], queryFn: () => call('GET /api/reports/:id', { params: { id: id! } }), retry: false });
  const [acting, setActing] = useState<ReportAction | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [revealed, setRevealed] = useState<RevealedReporter | null>(null);
  const [form] = Form.useForm();
  const [revealForm] = Form.useForm<{ reason: string }>();
  if (q.isLoading) return <Skeleton active />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title="404" subTitle={t('举报不存在', 'No such report')} />;
  if (!q.data) return <Alert type="error" message={String(q.error)} />;
  const r = q.data;
  const labelsOf = {
    reason: t('理由', 'Reason'),
    transferTarget: t('转办单位', 'Target department'),
    findings: t('核查情况', 'Findings'),
    reply: t('答复举报人', 'Reply to the reporter'),
  };
  const run = async (action: ReportAction) => {
    const v = fieldsOf[action].length ? await validValues(form) : {};
    if (!v) return;
    try {
      await call('POST /api/reports/:id/act', { params: { id: r.id }, body: { action, version: r.version, ...v } });
      setActing(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['report', id] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('该举报已被他人更新，已刷新', 'Someone changed this report; it was reloaded'));
        await qc.invalidateQueries({ queryKey: ['report', id] });
        setActing(null);
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const reveal = async () => {
    const v = await validValues(revealForm);
    if (!v) return;
    try {
      setRevealed(await call('POST /api/reports/:id/reporter/reveal', { params: { id: r.id }, body: v }));
      setRevealing(false);
    } catch (e) {
      const rest = applyApiErrors(revealForm, e);
      if (rest) message.error(rest);
    }
  };
  const actions = r.abilities.filter((a): a is ReportAction => a in reportActionLabels);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${t('举报', 'Report')} · ${label(reportCategoryLabels[r.category])}`}
        extra={<Tag data-testid="report-status">{label(reportStatusLabels[r.status])}</Tag>}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          {actions.map((a) =>
            fieldsOf[a].length === 0 ? (
              <Button key={a} type="primary" data-testid={`report-act-${a}`} onClick={() => run(a)}>
                {label(reportActionLabels[a])}
              </Button>
            ) : (
              <Button key={a} data-testid={`report-act-${a}`} onClick={() => setActing(a)}>
                {label(reportActionLabels[a])}
              </Button>
            ),
          )}
          {r.abilities.includes('revealReporter') && (
            <Button danger onClick={() => setRevealing(true)}>
              {t('查看举报人', 'Reveal reporter')}
            </Button>
          )}
        </Space>
        {r.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('已超过办理期限', 'Past its time limit')} />}
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('来源', 'Channel')}>
            {label(reportChannelLabels[r.channel])} {r.channelRef ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('提交日期', 'Submitted')}>{r.submittedOn}</Descriptions.Item>
          <Descriptions.Item label={t('街道', 'Area')}>{r.areaName ?? r.areaCode}</Descriptions.Item>
          <Descriptions.Item label={t('地点', 'Address')}>{r.address}</Descriptions.Item>
          <Descriptions.Item label={t('被举报单位', 'Enterprise')}>{r.enterpriseName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('发现日期', 'When')}>{r.occurredOn}</Descriptions.Item>
          <Descriptions.Item label={t('举报内容', 'Description')} span={2}>
            {r.description}
          </Descriptions.Item>
          {r.photos.length > 0 && (
            <Descriptions.Item label={t('现场照片', 'Photos')} span={2}>
              <ReportPhotoGallery photos={r.photos} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('举报方式', 'Reporter')}>{r.named ? t('实名', 'Named') : t('匿名', 'Anonymous')}</Descriptions.Item>
          <Descriptions.Item label={t('受理期限', 'Accept by')}>{r.acceptDue}</Descriptions.Item>
          <Descriptions.Item label={t('办理期限', 'Handle by')}>{r.handleDue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('当前期限', 'Next due')}>{dueOf(r) ?? '—'}</Descriptions.Item>
          {r.assigneeName && <Descriptions.Item label={t('承办人', 'Assignee')}>{r.assigneeName}</Descriptions.Item>}
          {r.decisionReason && <Descriptions.Item label={t('理由', 'Reason')}>{r.decisionReason}</Descriptions.Item>}
          {r.transferTarget && <Descriptions.Item label={t('转办单位', 'Transferred to')}>{r.transferTarget}</Descriptions.Item>}
          {r.findings && <Descriptions.Item label={t('核查情况', 'Findings')}>{r.findings}</Descriptions.Item>}
          {r.reply && <Descriptions.Item label={t('答复', 'Reply')}>{r.reply}</Descriptions.Item>}
          {r.reporterCount > 1 && (
            <Descriptions.Item label={t('举报人数', 'Reporters')}>
              {t(`${r.reporterCount} 名举报人`, `${r.reporterCount} reporters`)}
            </Descriptions.Item>
          )}
          {r.mergedIntoId && (
            <Descriptions.Item label={t('已合并到', 'Merged into')}>
              <Link to={`/reports/${r.mergedIntoId}`}>{t('在先举报', 'The earlier report')}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        {revealed && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            message={
              revealed.anonymous
                ? t('匿名举报', 'Anonymous report')
                : `${revealed.name} · ${revealed.phone}${revealed.idNumber ? ` · ${revealed.idNumber}` : ''}`
            }
          />
        )}
      </Card>
      <ReportHandling r={r} />
      <FindingCard reportId={r.id} version={r.version} />
      <ReportDuplicates report={r} />
      <Card title={t('办理记录', 'History')}>
        <Timeline
          items={r.history.map((h) => ({
            children: `${cstDateTime(h.at)} ${h.actorName ?? t('举报人', 'Reporter')} · ${label(
              historyLabels[h.action] ?? reportActionLabels[h.action as ReportAction] ?? reportStatusLabels[h.to as 'received'],
            )}`,
          }))}
        />
      </Card>
      <Modal
        open={acting !== null}
        title={acting ? label(reportActionLabels[acting]) : ''}
        onCancel={() => setActing(null)}
        onOk={() => acting && run(acting)}
        okButtonProps={{ 'data-testid': 'report-act-ok' } as never}
      >
        <Form form={form} layout="vertical">
          {acting &&
            fieldsOf[acting].map((f) => (
              <Form.Item key={f} name={f} label={labelsOf[f]} rules={[{ required: f !== 'findings' }]}>
                {f === 'transferTarget' ? <Input /> : <Input.TextArea rows={3} data-testid={`report-field-${f}`} />}
              </Form.Item>
            ))}
        </Form>
      </Modal>
      <Modal open={revealing} title={t('查看举报人信息', 'Reveal the reporter')} onCancel={() => setRevealing(false)} onOk={reveal}>
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={t('查看举报人信息将记入审计日志，请说明理由。', 'Opening the reporter is audited; give the reason.')}
        />
        <Form form={revealForm} layout="vertical">
          <Form.Item name="reason" label={t('理由', 'Reason')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
