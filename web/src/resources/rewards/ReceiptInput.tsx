// The payment voucher (凭证) of the paid step: a photo or a scanned PDF, uploaded at once through the files platform;
// the form sends only the returned id, which the server attaches to the reward when the payment is recorded.
import { useRef, useState } from 'react';
import { App, Button, Space, Tag } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { RewardReceiptView } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { HiddenFileInput } from '../../components/HiddenFileInput';

export function ReceiptInput({ value, onChange }: { value?: string; onChange?(id: string | undefined): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<RewardReceiptView | null>(null);
  const upload = async (chosen: File | undefined) => {
    if (!chosen) return;
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    setBusy(true);
    try {
      const f = await call('POST /api/rewards/receipts', { form });
      setFile(f);
      onChange?.(f.id);
    } catch (e) {
      message.error(`${chosen.name}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Button icon={<PaperClipOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="reward-receipt-button">
        {t('上传发放凭证', 'Upload the voucher')}
      </Button>
      {value && file && (
        <Tag
          closable
          onClose={() => {
            setFile(null);
            onChange?.(undefined);
          }}
        >
          {file.name}
        </Tag>
      )}
      <HiddenFileInput
        ref={input}
        accept="image/*,.pdf,application/pdf"
        data-testid="reward-receipt-input"
        onFiles={(files) => void upload(files[0])}
      />
    </Space>
  );
}
