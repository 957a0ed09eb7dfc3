// 安全生产承诺书: the principal reads the year's commitment and signs it on the phone (a drawn signature or the typed
// name); once signed, the QR code of its public page is shown to print and post for the workers.
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Result, Space, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { call } from '../../api/client';
import { useRecord, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { validValues } from '../../components/validValues';
import { cstDateTime } from '../../app/time';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { SignaturePad } from './SignaturePad';

export function CommitmentPage({ enterpriseId }: { enterpriseId?: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const id = enterpriseId ?? user?.enterpriseId ?? '';
  const q = useRecord('GET /api/enterprises/:id/commitment', { params: { id }, query: {} }, { enabled: !!id });
  if (!id) return <Result status="info" title={t('仅企业账号可签署承诺书', 'Only enterprise accounts sign commitments')} />;
  if (q.isLoading) return <Spin style={{ margin: 48 }} />;
  if (q.error || !q.data) return <ErrorDisplay error={q.error} />;
  const c = q.data;
  const shown = c.signed ?? { title: c.text.title, body: c.text.body };
  return (
    <Card title={`${shown.title}${t('（', ' (')}${c.year}${t('）', ')')}`} style={{ maxWidth: 720 }}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="commitment-body">
        {shown.body}
      </Typography.Paragraph>
      {c.signed && (
        <Space direction="vertical" data-testid="commitment-signed">
          <div>
            {t('承诺人：', 'Signed by: ')}
            {c.signed.signerName} · {cstDateTime(c.signed.signedAt)}
          </div>
          {c.signed.signatureImage && <img src={c.signed.signatureImage} alt={t('签名', 'Signature')} style={{ maxWidth: 240 }} />}
          {c.signed.typedName && <div style={{ fontFamily: 'serif', fontSize: 20 }}>{c.signed.typedName}</div>}
          <PublicQr path={c.publicPath} />
        </Space>
      )}
      {c.abilities.length > 0 && <SignForm id={id} version={c.signed?.version} />}
    </Card>
  );
}

function SignForm({ id, version }: { id: string; version?: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm();
  const [png, setPng] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const sign = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      await call('POST /api/enterprises/:id/commitment', {
        params: { id },
        body: { signerName: v.signerName, typedName: v.typedName || undefined, signatureImage: png, version },
      });
      message.success(t('已签署', 'Signed'));
      await refresh('GET /api/enterprises/:id/commitment');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
      <ErrorDisplay error={error} />
      <Form.Item name="signerName" label={t('承诺人姓名', 'Your name')} rules={[{ required: true, max: 50 }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item label={t('手写签名', 'Draw your signature')}>
        <SignaturePad onChange={setPng} />
      </Form.Item>
      <Form.Item name="typedName" label={t('或输入姓名作为签名', 'Or type your name as the signature')} rules={[{ max: 50 }]}>
        <Input />
      </Form.Item>
      <Button type="primary" block loading={busy} onClick={sign} data-testid="sign-commitment">
        {version ? t('重新签署', 'Sign again') : t('签署承诺书', 'Sign the commitment')}
      </Button>
    </Form>
  );
}

/** The QR code of the public page, to print and post where the workers see it. */
function PublicQr({ path }: { path: string }) {
  const { t } = useI18n();
  const url = `${window.location.origin}${path}`;
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    void QRCode.toDataURL(url, { margin: 1, width: 240 }).then(setSrc);
  }, [url]);
  return (
    <Space direction="vertical">
      {src && <img src={src} alt={t('承诺书公示二维码', 'QR code of the public commitment')} data-testid="commitment-qr" />}
      <Typography.Text copyable>{url}</Typography.Text>
      <Button onClick={() => window.print()}>{t('打印二维码', 'Print the QR code')}</Button>
    </Space>
  );
}
