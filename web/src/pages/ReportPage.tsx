// 举报 without login, phone-first: the form (/report), with up to six photos, answers with a tracking code; the
// tracking page (/report/track) shows for a code only the status, the date, the public reply and the reporter's own
// photos.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, Result, Segmented, Space, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { REPORT_PHOTO_MAX, reportStatusLabels, type PublicReportStatus } from '@anjian/contracts';
import { ApiError, call } from '../api/client';
import { useAuth } from '../app/auth';
import { useI18n } from '../app/i18n';
import { applyApiErrors } from '../components/apiErrors';
import { ReportFields, reportBody, reportFieldNames, type ReportFormValues } from '../resources/reports/ReportForm';
import { ReportPhotoGallery, ReportPhotoInput, type PickedPhoto } from '../resources/reports/ReportPhotos';
import { TrackReward } from '../resources/rewards/TrackReward';
import { validValues } from '../components/validValues';

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { user } = useAuth();
  return (
    <div style={{ minHeight: '100vh', background: '#f0f5ff', padding: 12 }}>
      <Card style={{ maxWidth: 640, margin: '0 auto' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            <AlertOutlined style={{ color: '#fa541c' }} /> {title}
          </Typography.Title>
          <Segmented
            size="small"
            value={lang}
            onChange={(v) => setLang(v as 'zh' | 'en')}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'EN', value: 'en' },
            ]}
          />
        </Space>
        <Space style={{ margin: '8px 0 12px' }} wrap>
          <Link to="/report">{t('我要举报', 'Report')}</Link>
          <Link to="/report/track">{t('查询办理进度', 'Track a report')}</Link>
          {user ? <Link to="/">{t('返回工作台', 'Workbench')}</Link> : <Link to="/login">{t('登录', 'Log in')}</Link>}
        </Space>
        {children}
      </Card>
    </div>
  );
}

export function ReportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues & { photos?: PickedPhoto[] }>();
  const [receipt, setReceipt] = useState<{ trackingCode: string; submittedOn: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  // After repeated submissions from one address the server asks for a check (a small sum, single use).
  const [challenge, setChallenge] = useState<{ id: string; question: string } | null>(null);
  const [answer, setAnswer] = useState('');
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      // Uploads from this form always carry their claim token (ReportPhotoInput's public path).
      const photos = (v.photos ?? []).map((p) => ({ id: p.id, token: p.token ?? '' }));
      const body = {
        ...reportBody(v),
        ...(photos.length ? { photos } : {}),
        ...(challenge ? { challenge: { id: challenge.id, answer: answer.trim() } } : {}),
      };
      setReceipt(await call('POST /api/public/reports', { body }));
    } catch (e) {
      const asked = e instanceof ApiError && e.status === 400 && e.details.some((d) => d.field === 'challenge');
      if (asked) {
        if (challenge) message.error((e as ApiError).details.find((d) => d.field === 'challenge')!.message);
        setChallenge(await call('GET /api/public/report-challenge'));
        setAnswer('');
      } else if (e instanceof ApiError && e.status === 429)
        message.error(e.details[0]?.message ?? t('提交过于频繁，请稍后再试', 'Too many submissions; try again later'));
      else {
        const rest = applyApiErrors(form, e, reportFieldNames);
        if (rest) message.error(rest);
      }
    } finally {
      setBusy(false);
    }
  };
  if (receipt) {
    return (
      <Frame title={t('安全生产举报', 'Report a safety violation')}>
        <Result
          status="success"
          title={t('举报已提交', 'Report submitted')}
          subTitle={t('请记下查询码，凭它查询办理进度和答复。', 'Keep this tracking code to follow the status and the reply.')}
          extra={
            <Space direction="vertical" align="center">
              <Typography.Title level={3} copyable data-testid="tracking-code" style={{ letterSpacing: 2 }}>
                {receipt.trackingCode}
              </Typography.Title>
              <Link to={`/report/track?code=${receipt.trackingCode}`}>{t('查询办理进度', 'Track this report')}</Link>
            </Space>
          }
        />
      </Frame>
    );
  }
  return (
    <Frame title={t('安全生产举报', 'Report a safety violation')}>
      <Typography.Paragraph type="secondary">
        {t(
          '可匿名举报。也可拨打12350举报投诉热线。请如实填写，捏造事实诬告他人须承担法律责任。',
          'You may report anonymously, or call the 12350 hotline. False accusations carry legal liability.',
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ named: false, photos: [] }}>
        <ReportFields form={form} />
        <Form.Item
          name="photos"
          label={t(`现场照片（选填，最多 ${REPORT_PHOTO_MAX} 张）`, `Photos (optional, up to ${REPORT_PHOTO_MAX})`)}
          extra={t(
            'JPEG、PNG 或 WebP，每张不超过 10 MB；照片中的拍摄位置等信息会被自动去除。',
            'JPEG, PNG or WebP, up to 10 MB each; the location and other data inside a photo are removed.',
          )}
        >
          <ReportPhotoInput onBusyChange={setUploading} />
        </Form.Item>
        {challenge && (
          <Form.Item label={t(`请先完成验证：${challenge.question}`, `Please answer first: ${challenge.question}`)} required>
            <Input inputMode="numeric" value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="report-challenge" />
          </Form.Item>
        )}
        <Button type="primary" size="large" block loading={busy} disabled={uploading} onClick={submit} data-testid="report-submit">
          {uploading ? t('照片上传中…', 'Uploading photos…') : t('提交举报', 'Submit')}
        </Button>
      </Form>
    </Frame>
  );
}

export function ReportTrackPage() {
  const { t, label } = useI18n();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [found, setFound] = useState<PublicReportStatus | null | 'missing'>(null);
  const [busy, setBusy] = useState(false);
  const [shownCode, setShownCode] = useState('');
  const { message } = App.useApp();
  const look = async (typed = code) => {
    const wanted = typed.trim();
    if (!wanted) return;
    setBusy(true);
    try {
      setFound(await call('GET /api/public/reports/:code', { params: { code: wanted } }));
      setShownCode(wanted);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setFound('missing');
      // A malformed code, too many look-ups, a network failure: said, not swallowed.
      else message.error(e instanceof ApiError ? e.message : t('网络异常，请稍后再试', 'Network problem: try again later'));
    } finally {
      setBusy(false);
    }
  };
  // Arriving from the receipt's link (?code=…): the report is looked up at once.
  const linked = params.get('code');
  useEffect(() => {
    if (linked) void look(linked);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the code the page was opened with
  }, [linked]);
  return (
    <Frame title={t('举报办理进度查询', 'Track a report')}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          value={code}
          data-testid="track-code"
          placeholder={t('请输入查询码', 'Tracking code')}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => void look()}
        />
        <Button size="large" type="primary" loading={busy} onClick={() => void look()} data-testid="track-submit">
          {t('查询', 'Look up')}
        </Button>
      </Space.Compact>
      {found === 'missing' && (
        <Result status="404" title={t('未找到', 'Not found')} subTitle={t('查询码不正确', 'No report has this code')} />
      )}
      {found && found !== 'missing' && (
        <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="track-result">
          <Descriptions.Item label={t('办理状态', 'Status')}>{label(reportStatusLabels[found.status])}</Descriptions.Item>
          <Descriptions.Item label={t('提交日期', 'Submitted')}>{found.submittedOn}</Descriptions.Item>
          {found.extension && (
            <Descriptions.Item label={t('办理期限延长', 'Time limit extended')}>
              <span data-testid="track-extension">
                {t(
                  `${found.extension.extendedOn}延长${found.extension.days}天，至${found.extension.handleDue}。理由：${found.extension.reason}`,
                  `Extended on ${found.extension.extendedOn} by ${found.extension.days} days, to ${found.extension.handleDue}. Reason: ${found.extension.reason}`,
                )}
              </span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('答复', 'Reply')}>
            <span data-testid="track-reply">{found.reply ?? t('尚未答复', 'No reply yet')}</span>
          </Descriptions.Item>
          {found.photos.length > 0 && (
            <Descriptions.Item label={t('我提交的照片', 'My photos')}>
              <ReportPhotoGallery photos={found.photos} size={72} />
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {found && found !== 'missing' && shownCode && <TrackReward code={shownCode} />}
    </Frame>
  );
}
