// Shared bits of the 持证 screens: the status tag and the label of a certificate's item.
import { Tag } from 'antd';
import { certificateStatusLabels, type CertificateStatus, type CertificateView } from '@anjian/contracts';
import { useI18n } from '../../app/i18n';

const statusColor: Record<CertificateStatus, string> = { valid: 'green', due_for_review: 'orange', expired: 'red', revoked: 'default' };

export function CertificateStatusTag({ c }: { c: Pick<CertificateView, 'status' | 'daysLeft'> }) {
  const { label, t } = useI18n();
  return (
    <Tag color={statusColor[c.status]} data-testid={`cert-status-${c.status}`}>
      {label(certificateStatusLabels[c.status])}
      {c.status === 'due_for_review' && ` · ${t(`${c.daysLeft}天`, `${c.daysLeft} d`)}`}
    </Tag>
  );
}
