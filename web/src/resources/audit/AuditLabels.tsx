// How an audit entry's codes and result are shown, shared by the desktop table and the phone's list: a code's label
// over the exact code (the auditor searches and cites the code), and the result as a coloured tag.
import { Space, Tag, Typography } from 'antd';
import { auditResultLabels, type AuditResult } from '@anjian/contracts';
import { useCodeTables } from '../../api/codeTables';
import { useI18n } from '../../app/i18n';

export type AuditCodeTable = 'auditAction' | 'auditEntity';

export function useAuditLabels() {
  const { label } = useI18n();
  const codes = useCodeTables();
  // A code's label over the code itself, and the code alone for one without a label (no longer written).
  const labelled = (table: AuditCodeTable, code: string, extra?: string | null) => {
    const known = codes.bilingual(table, code);
    return (
      <Space direction="vertical" size={0}>
        {known && <span>{label(known)}</span>}
        <Typography.Text type={known ? 'secondary' : undefined} style={known ? { fontSize: 12 } : undefined}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {code}
          </Typography.Text>
          {extra && ` ${extra}`}
        </Typography.Text>
      </Space>
    );
  };
  const resultTag = (r: AuditResult) => (
    <Tag color={r === 'ok' ? 'green' : r === 'denied' ? 'orange' : 'red'}>{label(auditResultLabels[r]) || r}</Tag>
  );
  return { labelled, resultTag };
}
