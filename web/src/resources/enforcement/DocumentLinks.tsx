// The numbered documents of an inspection or case, each downloadable as .docx.
import { Button, List } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { documentLabels, type DocumentRef } from './types';

export interface DocumentLinksProps {
  documents: DocumentRef[];
}

export function DocumentLinks({ documents }: DocumentLinksProps) {
  const { t, label } = useI18n();
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
          {label(documentLabels[d.kind])} {d.number} · {d.issuedOn}
        </List.Item>
      )}
    />
  );
}
