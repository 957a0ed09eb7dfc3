// The workers' page (no login), reached by the QR code posted at the enterprise: the principal's signed commitment.
import { Card, Result, Spin, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { isNotFound, useRecord } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { cstDate } from '../../app/time';
import { ErrorDisplay } from '../../components/ErrorDisplay';

export function PublicCommitment() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const q = useRecord('GET /api/public/commitments/:id', { params: { id } });
  if (q.isLoading) return <Spin style={{ margin: 48 }} />;
  if (isNotFound(q.error)) return <Result status="404" title={t('本年度承诺书尚未签署', 'No commitment signed this year')} />;
  if (q.error || !q.data) return <ErrorDisplay error={q.error} />;
  const c = q.data;
  return (
    <Card title={`${c.enterpriseName} · ${c.title}${t('（', ' (')}${c.year}${t('）', ')')}`} style={{ maxWidth: 720, margin: '12px auto' }}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Paragraph>
      <div>
        {t('承诺人：', 'Signed by: ')}
        {c.signerName} · {cstDate(c.signedAt)}
      </div>
      {c.signatureImage && <img src={c.signatureImage} alt={t('签名', 'Signature')} style={{ maxWidth: 240 }} />}
      {c.typedName && <div style={{ fontFamily: 'serif', fontSize: 20 }}>{c.typedName}</div>}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('欢迎全体职工监督。', 'Open to every worker’s scrutiny.')}
      </Typography.Paragraph>
    </Card>
  );
}
