// The numbered documents of an inspection or case, each downloadable as .docx.
import { Button, List } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download } from '../../api/client';
import { useI18n } from '../../app/i18n';
import type { DocumentKind } from '@anjian/contracts';
import { useCodeTables } from '../../api/codeTables';

export interface DocumentLinksProps {
  // kind is a DocumentKind; the server's view types it as text (documents of older kinds stay readable).
  documents: { id: string; kind: DocumentKind | string; number: string; issuedOn: string | null }[];
}

export function DocumentLinks({ documents }: DocumentLinksProps) {
  const { t } = useI18n();
  const codes = useCodeTables();
  return (
    <List
      size="small"
      locale={{ emptyText: t('暂无文书', 'No documents') }}
      dataSource={documents}
      renderItem={(d) => (
        <List.Item
          actions={[
            <Button
              key="dl"
              size="small"
              icon={<DownloadOutlined />}
              data-testid={`download-${d.kind}`}
              onClick={() => void download(`/api/enforcement/documents/${d.id}/docx`)}
            >
              .docx
            </Button>,
          ]}
        >
          {codes.label('documentKind', d.kind)} {d.number} · {d.issuedOn}
        </List.Item>
      )}
    />
  );
}
