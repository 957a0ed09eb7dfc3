// One target-responsibility letter: its targets (with the assessment indicator they count towards), who issued it
// to whom, the steps as buttons from `abilities` (issue and withdraw for the issuer, sign for the recipient — a
// street records its community's paper signature), the history, and the letters passed on from it.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, List, Modal, Result, Skeleton, Space, Tag } from 'antd';
import { letterActionLabels, letterRecipientLabels, letterStatusLabels, type LetterAction } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useRecord, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { LetterDrawer, letterStatusColor } from './LetterList';
import { HistoryCard } from '../../components/HistoryCard';
import { validValues } from '../../components/validValues';

export function LetterShow() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const q = useRecord('GET /api/responsibility-letters/:id', { params: { id: id! } }, { retry: false });
  const [acting, setActing] = useState<LetterAction | null>(null);
  const [passOn, setPassOn] = useState(false);
  const [form] = Form.useForm();
  if (q.isLoading) return <Skeleton active />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title="404" subTitle={t('记录不存在', 'No such letter')} />;
  if (!q.data) return <ErrorDisplay error={q.error} />;
  const r = q.data;
  const run = async (action: LetterAction) => {
    const v = action === 'issue' ? {} : await validValues(form);
    if (!v) return;
    try {
      await call('POST /api/responsibility-letters/:id/act', { params: { id: r.id }, body: { action, version: r.version, ...v } });
      setActing(null);
      form.resetFields();
      await refresh('GET /api/responsibility-letters/:id');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('记录已被他人更新，已刷新', 'Someone changed this letter; it was reloaded'));
        setActing(null);
        await refresh('GET /api/responsibility-letters/:id');
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${r.year} · ${r.title}`}
        extra={
          <Tag color={letterStatusColor[r.status]} data-testid="letter-status">
            {label(letterStatusLabels[r.status])}
          </Tag>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          {r.abilities.map((a) => (
            <Button
              key={a}
              type={a === 'sign' ? 'primary' : 'default'}
              danger={a === 'withdraw'}
              data-testid={`letter-act-${a}`}
              onClick={() => (a === 'issue' ? run(a) : setActing(a))}
            >
              {label(letterActionLabels[a])}
            </Button>
          ))}
          {/* The street that signed its letter passes it on to its communities and enterprises. */}
          {r.status === 'signed' && r.recipientKind === 'street' && can('responsibilityLetter.issue') && user?.areaCode === r.areaCode && (
            <Button onClick={() => setPassOn(true)} data-testid="letter-pass-on">
              {t('分解下达', 'Pass on')}
            </Button>
          )}
        </Space>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('下达单位', 'Issuer')}>{r.issuerName}</Descriptions.Item>
          <Descriptions.Item label={t('接收单位', 'Recipient')}>
            {r.recipientName}
            {t('（', ' (')}
            {label(letterRecipientLabels[r.recipientKind])}
            {t('）', ')')}
          </Descriptions.Item>
          <Descriptions.Item label={t('下达日期', 'Issued')}>{r.issuedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('签订', 'Signed')}>{r.signedOn ? `${r.signedOn} ${r.signerName ?? ''}` : '—'}</Descriptions.Item>
          {r.withdrawnReason && (
            <Descriptions.Item label={t('撤回理由', 'Withdrawn because')} span={2}>
              {r.withdrawnReason}
            </Descriptions.Item>
          )}
          {r.parentId && (
            <Descriptions.Item label={t('上级责任书', 'From letter')} span={2}>
              <Link to={`/responsibility-letters/${r.parentId}`}>{t('查看', 'Open')}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('目标任务', 'Targets')} size="small">
        <List
          dataSource={r.targets}
          renderItem={(x, i) => (
            <List.Item>
              <Space wrap>
                <span>
                  {i + 1}. {x.text}
                </span>
                {x.value && <Tag>{x.value}</Tag>}
                {x.indicatorKey && (
                  <Tag color="blue">
                    {t('考核指标：', 'Indicator: ')}
                    {x.indicatorName ?? x.indicatorKey}
                  </Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {r.children.length > 0 && (
        <Card title={t('分解下达', 'Passed on')} size="small">
          <List
            dataSource={r.children}
            renderItem={(c) => (
              <List.Item>
                <Link to={`/responsibility-letters/${c.id}`}>{c.recipientName}</Link>
                <Tag color={letterStatusColor[c.status]}>{label(letterStatusLabels[c.status])}</Tag>
              </List.Item>
            )}
          />
        </Card>
      )}
      <HistoryCard small history={r.history} labels={{ ...letterActionLabels, create: { zh: '起草', en: 'Drafted' } }} />
      <Modal
        open={acting !== null}
        title={acting ? label(letterActionLabels[acting]) : ''}
        onCancel={() => setActing(null)}
        onOk={() => acting && run(acting)}
        okButtonProps={{ 'data-testid': 'letter-act-ok' } as Record<string, string>}
      >
        <Form form={form} layout="vertical">
          {acting === 'sign' && (
            <Form.Item name="signerName" label={t('签订人', 'Signed by')} rules={[{ required: true }]}>
              <Input data-testid="letter-signer" />
            </Form.Item>
          )}
          {acting === 'withdraw' && (
            <Form.Item name="reason" label={t('撤回理由', 'Reason')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <LetterDrawer open={passOn} onClose={() => setPassOn(false)} parentId={r.id} />
    </Space>
  );
}
