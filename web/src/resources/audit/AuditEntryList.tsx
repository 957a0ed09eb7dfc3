// The audit log on a phone: one card per entry instead of the seven-column table, which at 390 px showed only the
// number, time and actor and hid the action behind a sideways scroll. Same entries, same pagination, same codes.
import { Collapse, List, Space, Typography } from 'antd';
import type { AuditEntry } from '@anjian/contracts';
import { useI18n } from '../../app/i18n';
import { useAuditLabels } from './AuditLabels';

export interface AuditEntryListProps {
  items?: AuditEntry[];
  loading: boolean;
  pagination: { current: number; pageSize: number; total?: number; onChange(page: number, size: number): void };
}

// Wrapped rather than scrolled: a long line of JSON must not push a phone's page sideways.
const json = { whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0, fontSize: 12 } as const;

export function AuditEntryList({ items, loading, pagination }: AuditEntryListProps) {
  const { t } = useI18n();
  const { labelled, resultTag } = useAuditLabels();
  return (
    <List<AuditEntry>
      loading={loading}
      dataSource={items}
      pagination={{ ...pagination, size: 'small' }}
      renderItem={(r) => (
        <List.Item data-testid="audit-entry">
          <Space direction="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
            <Space align="start" size={8}>
              {resultTag(r.result)}
              {labelled('auditAction', r.action)}
            </Space>
            <Typography.Text type="secondary">
              {`#${r.id} · ${r.at.replace('T', ' ').slice(0, 19)} · ${r.actorName ?? '—'}${r.ip ? ` · ${r.ip}` : ''}`}
            </Typography.Text>
            {(r.entityType || r.entityId) && (
              <Space align="start" size={4}>
                {/* nowrap: beside a long entity id the flex row would otherwise break the word itself. */}
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {t('对象：', 'Entity:')}
                </Typography.Text>
                {r.entityType ? labelled('auditEntity', r.entityType, r.entityId) : r.entityId}
              </Space>
            )}
            {(r.before !== null || r.after !== null) && (
              <Collapse
                ghost
                size="small"
                items={[
                  {
                    key: 'changes',
                    label: t('变更前后', 'Before and after'),
                    children: (
                      <Space direction="vertical" style={{ width: '100%' }}>
                        <Typography.Text type="secondary">{t('变更前', 'Before')}</Typography.Text>
                        <pre style={json}>{JSON.stringify(r.before, null, 2)}</pre>
                        <Typography.Text type="secondary">{t('变更后', 'After')}</Typography.Text>
                        <pre style={json}>{JSON.stringify(r.after, null, 2)}</pre>
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
