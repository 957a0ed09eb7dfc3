// Photos (straight from the phone camera) and documents for a hidden danger. Each file is uploaded at once;
// the form sends only the returned ids, which the server attaches to the record in the same transaction.
import { useRef, useState } from 'react';
import { App, Button, Image, Space, Tag } from 'antd';
import { CameraOutlined, CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { HazardFile } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { HiddenFileInput } from '../../components/HiddenFileInput';

export interface AttachmentInputProps {
  value?: HazardFile[];
  onChange?(files: HazardFile[]): void;
  /** Offer documents (PDF, DOCX, XLSX) beside photos. */
  documents?: boolean;
}

export function AttachmentInput({ value = [], onChange, documents = false }: AttachmentInputProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const camera = useRef<HTMLInputElement>(null);
  const docs = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (list: File[]) => {
    setBusy(true);
    const added: HazardFile[] = [];
    for (const file of list) {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        added.push(await call('POST /api/hazards/attachments', { form }));
      } catch (e) {
        message.error(`${file.name}: ${(e as Error).message}`);
      }
    }
    setBusy(false);
    onChange?.([...value, ...added]);
  };
  return (
    <div>
      <Space wrap>
        <Button icon={<CameraOutlined />} loading={busy} onClick={() => camera.current?.click()} data-testid="photo-button">
          {t('拍照 / 选择照片', 'Take or choose a photo')}
        </Button>
        {documents && (
          <Button icon={<PaperClipOutlined />} loading={busy} onClick={() => docs.current?.click()}>
            {t('添加文档', 'Add a document')}
          </Button>
        )}
      </Space>
      {/* capture="environment" opens the rear camera on a phone; desktops get a file picker. */}
      <HiddenFileInput
        ref={camera}
        accept="image/*"
        capture="environment"
        multiple
        data-testid="photo-input"
        onFiles={(files) => void upload(files)}
      />
      {documents && (
        <HiddenFileInput ref={docs} accept=".pdf,.docx,.xlsx,application/pdf" multiple onFiles={(files) => void upload(files)} />
      )}
      {value.length > 0 && (
        <Space wrap style={{ marginTop: 8 }} data-testid="attachments">
          {value.map((f) => (
            <Space key={f.id} size={2} align="center">
              {f.kind === 'photo' ? (
                <Image src={f.thumbnailUrl ?? f.url} width={72} height={72} style={{ objectFit: 'cover' }} preview={{ src: f.url }} />
              ) : (
                <Tag>{f.name}</Tag>
              )}
              <Button
                size="small"
                type="text"
                icon={<CloseOutlined />}
                aria-label={t('移除', 'Remove')}
                onClick={() => onChange?.(value.filter((x) => x.id !== f.id))}
              />
            </Space>
          ))}
        </Space>
      )}
    </div>
  );
}
