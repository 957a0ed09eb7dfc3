// 举报 handling on the report page: the time limits (what runs now, days left or overdue, the extension granted), the
// extension dialog for the district bureau (rules.md §8: once, ≤ 30 days, with a reason), and the records the
// investigation produced — linked by their ID, each opening its own page; unlinking asks first. Buttons come from the
// report's `abilities` ('extend', 'link').
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { reportLinkKindLabels, reportLinkKinds, type ReportDetail, type ReportLinkKind } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { validValues } from '../../components/validValues';

/** "n days left" / "due today" / "n days overdue" for the running deadline. */
export function DaysLeftTag({ r }: { r: { daysLeft: number | null } }) {
  const { t } = useI18n();
  if (r.daysLeft === null) return null;
  if (r.daysLeft < 0) return <Tag color="red">{t(`逾期${-r.daysLeft}天`, `${-r.daysLeft} days overdue`)}</Tag>;
  if (r.daysLeft === 0) return <Tag color="orange">{t('今日到期', 'Due today')}</Tag>;
  return <Tag color={r.daysLeft <= 5 ? 'gold' : 'default'}>{t(`剩余${r.daysLeft}天`, `${r.daysLeft} days left`)}</Tag>;
}

export function ReportHandling({ r }: { r: ReportDetail }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [extending, setExtending] = useState(false);
  const [extendForm] = Form.useForm<{ days: number; reason: string }>();
  const [linkForm] = Form.useForm<{ kind: ReportLinkKind; targetId: string }>();
  const reload = () => qc.invalidateQueries({ queryKey: ['report', r.id] });
  const failed = async (form: ReturnType<typeof Form.useForm>[0] | null, e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      message.warning(t('该举报已被他人更新，已刷新', 'Someone changed this report; it was reloaded'));
      await reload();
      return;
    }
    if (e instanceof ApiError && e.status === 404) {
      message.error(t('记录不存在或不在您的辖区内', 'No such record in your jurisdiction'));
      return;
    }
    const rest = form ? applyApiErrors(form, e) : String(e);
    if (rest) message.error(rest);
  };
  const extend = async () => {
    const v = await validValues(extendForm);
    if (!v) return;
    try {
      await call('POST /api/reports/:id/extend', { params: { id: r.id }, body: { version: r.version, ...v } });
      setExtending(false);
      extendForm.resetFields();
      await reload();
    } catch (e) {
      await failed(extendForm as never, e);
    }
  };
  const link = async () => {
    const v = await validValues(linkForm);
    if (!v) return;
    try {
      await call('POST /api/reports/:id/links', {
        params: { id: r.id },
        body: { version: r.version, kind: v.kind, targetId: v.targetId.trim() },
      });
      linkForm.resetFields();
      await reload();
    } catch (e) {
      await failed(linkForm as never, e);
    }
  };
  const unlink = async (linkId: string) => {
    try {
      await call('POST /api/reports/:id/unlink', { params: { id: r.id }, body: { version: r.version, linkId } });
      await reload();
    } catch (e) {
      await failed(null, e);
    }
  };
  const canLink = r.abilities.includes('link');
  return (
    <>
      <Card
        title={t('办理时限', 'Time limits')}
        data-testid="report-time-limits"
        extra={
          r.abilities.includes('extend') && (
            <Button data-testid="report-extend" onClick={() => setExtending(true)}>
              {t('延长办理期限', 'Extend the time limit')}
            </Button>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('受理期限（工作日）', 'Accept by (working days)')}>{r.acceptDue}</Descriptions.Item>
          <Descriptions.Item label={t('办理期限', 'Handle by')}>{r.handleDue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('剩余时间', 'Remaining')}>
            <DaysLeftTag r={r} />
            {r.daysLeft === null && '—'}
          </Descriptions.Item>
          {r.extendedDays !== null && (
            <Descriptions.Item label={t('已延期', 'Extended')}>
              {t(`${r.extendedDays}天（${r.extendedOn}）`, `${r.extendedDays} days (${r.extendedOn})`)} · {r.extensionReason}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('核查结果关联', 'What the investigation produced')} data-testid="report-links">
        <List
          dataSource={r.links}
          locale={{ emptyText: t('尚未关联', 'Nothing linked yet') }}
          renderItem={(l) => (
            <List.Item
              actions={
                canLink
                  ? [
                      <Popconfirm key="x" title={t('取消关联？', 'Unlink?')} onConfirm={() => unlink(l.id)}>
                        <Button size="small" type="link" danger>
                          {t('取消关联', 'Unlink')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space wrap>
                <Tag>{label(reportLinkKindLabels[l.kind])}</Tag>
                <Link to={l.link}>{l.label}</Link>
                <Typography.Text type="secondary">{l.createdOn}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        {canLink && (
          <Form form={linkForm} layout="inline" style={{ marginTop: 12, rowGap: 8 }} onFinish={link}>
            <Form.Item name="kind" rules={[{ required: true }]} initialValue="hazard">
              <Select style={{ width: 160 }} options={reportLinkKinds.map((k) => ({ value: k, label: label(reportLinkKindLabels[k]) }))} />
            </Form.Item>
            <Form.Item name="targetId" rules={[{ required: true, len: 36 }]} style={{ minWidth: 280 }}>
              <Input placeholder={t('记录ID（从记录页面复制）', 'Record ID (copy it from the record’s page)')} />
            </Form.Item>
            <Button htmlType="submit" data-testid="report-link-add">
              {t('关联', 'Link')}
            </Button>
          </Form>
        )}
      </Card>
      <Modal open={extending} title={t('延长办理期限', 'Extend the time limit')} onCancel={() => setExtending(false)} onOk={extend}>
        <Typography.Paragraph type="secondary">
          {t('办理期限只能延长一次，最长30天，并应告知举报人延期理由。', 'One extension of at most 30 days; the reporter is told why.')}
        </Typography.Paragraph>
        <Form form={extendForm} layout="vertical">
          <Form.Item name="days" label={t('延长天数', 'Days')} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('延期理由', 'Reason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
