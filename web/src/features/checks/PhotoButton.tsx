// One photo for a check item, straight from the phone's rear camera. The file is uploaded at once (same upload as
// hidden-danger evidence); the check sends only its id, and the server attaches it in the submit transaction.
import { useRef, useState } from 'react';
import { App, Button, Image, Space } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import type { HazardFile } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { HiddenFileInput } from '../../components/HiddenFileInput';

export interface PhotoButtonProps {
  value?: HazardFile;
  onChange(photo: HazardFile | undefined): void;
}

export function PhotoButton({ value, onChange }: PhotoButtonProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      onChange(await call('POST /api/hazards/attachments', { form }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space>
      {value ? (
        <>
          <Image src={value.thumbnailUrl ?? value.url} width={64} height={64} style={{ objectFit: 'cover' }} preview={{ src: value.url }} />
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={t('移除照片', 'Remove photo')}
            onClick={() => onChange(undefined)}
          />
        </>
      ) : (
        <Button icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()}>
          {t('拍照', 'Photo')}
        </Button>
      )}
      {/* capture="environment" opens the rear camera on a phone; desktops get a file picker. */}
      <HiddenFileInput
        ref={input}
        accept="image/*"
        capture="environment"
        data-testid="check-photo-input"
        onFiles={(files) => void upload(files[0])}
      />
    </Space>
  );
}
