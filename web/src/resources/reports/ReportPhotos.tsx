// 举报照片: the reporter's photo picker on the public form (phone-first: the phone offers its camera and its gallery)
// and on the officers' intake of other channels, and the thumbnails that open the photo large, for the office's
// report page, the tracking page and "my reports". Each photo is uploaded as soon as it is picked; the public form
// sends the returned id and claim token with the report, the intake form the ids of the officer's own uploads.
import { useState } from 'react';
import { App, Button, Image, Space, Typography } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { REPORT_PHOTO_MAX, type ReportPhotoView } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { HiddenFileInput } from '../../components/HiddenFileInput';

/** A photo picked and uploaded, not yet sent with the report: the ticket, and a local preview of the file. */
export interface PickedPhoto {
  id: string;
  /** The claim token of an upload from the public form; an officer's intake upload is claimed as the officer's own. */
  token?: string;
  name: string;
  preview: string;
}

/** The types and size the server accepts for a report's photo (platform/files.ts fileLimits.photo). */
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_MB = 10;

export interface ReportPhotoInputProps {
  value?: PickedPhoto[];
  onChange?(photos: PickedPhoto[]): void;
  /** Told while photos are uploading, so the form waits for them before it is sent. */
  onBusyChange?(busy: boolean): void;
  /** 'intake': an officer recording a report uploads through the signed-in path (POST /api/reports/photos). */
  uploadAs?: 'public' | 'intake';
}

/** One photo uploaded where the form's sender is: anonymously with a claim token, or as the signed-in officer. */
async function uploadPhoto(form: FormData, as: 'public' | 'intake'): Promise<{ id: string; token?: string }> {
  if (as === 'intake') return { id: (await call('POST /api/reports/photos', { form })).id };
  const up = await call('POST /api/public/reports/photos', { form });
  return { id: up.id, token: up.token };
}

export function ReportPhotoInput({ value = [], onChange, onBusyChange, uploadAs = 'public' }: ReportPhotoInputProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  const [busy, setBusy] = useState(false);
  const working = (b: boolean) => {
    setBusy(b);
    onBusyChange?.(b);
  };
  const add = async (picked: File[]) => {
    const room = REPORT_PHOTO_MAX - value.length;
    if (picked.length > room) {
      message.warning(
        t(
          `每件举报最多附 ${REPORT_PHOTO_MAX} 张照片，多出的 ${picked.length - Math.max(room, 0)} 张未添加`,
          `A report takes at most ${REPORT_PHOTO_MAX} photos; ${picked.length - Math.max(room, 0)} were not added`,
        ),
      );
    }
    let current = value;
    working(true);
    for (const file of picked.slice(0, Math.max(room, 0))) {
      // The server decides by the bytes; these checks only spare an upload that would be refused anyway.
      if (file.type && !ACCEPTED.includes(file.type)) {
        message.error(`${file.name}: ${t('仅支持 JPEG、PNG、WebP 照片', 'Only JPEG, PNG and WebP photos are accepted')}`);
        continue;
      }
      if (file.size > MAX_MB * 1024 * 1024) {
        message.error(`${file.name}: ${t(`照片不能超过 ${MAX_MB} MB`, `Photos may not exceed ${MAX_MB} MB`)}`);
        continue;
      }
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const up = await uploadPhoto(form, uploadAs);
        current = [...current, { ...up, name: file.name, preview: URL.createObjectURL(file) }];
        onChange?.(current);
      } catch (e) {
        const why =
          e instanceof ApiError ? (e.details[0]?.message ?? e.message) : t('网络异常，请稍后再试', 'Network problem: try again later');
        message.error(`${file.name}: ${why}`);
      }
    }
    working(false);
  };
  const remove = (p: PickedPhoto) => {
    URL.revokeObjectURL(p.preview);
    onChange?.(value.filter((x) => x.id !== p.id));
  };
  return (
    <div>
      <Space wrap align="center">
        <Button
          size="large"
          icon={<CameraOutlined />}
          loading={busy}
          disabled={value.length >= REPORT_PHOTO_MAX}
          onClick={() => input?.click()}
          data-testid="report-photo-button"
        >
          {t('拍照 / 选择照片', 'Take or choose photos')}
        </Button>
        <Typography.Text type="secondary" data-testid="report-photo-count">
          {`${value.length} / ${REPORT_PHOTO_MAX}`}
        </Typography.Text>
      </Space>
      {/* No `capture`: a phone then offers the camera and the photos already taken. */}
      <HiddenFileInput
        ref={setInput}
        accept={ACCEPTED.join(',')}
        multiple
        data-testid="report-photo-input"
        onFiles={(files) => void add(files)}
      />
      {value.length > 0 && (
        <Space wrap style={{ marginTop: 8 }} data-testid="report-photo-list">
          {value.map((p) => (
            <Space key={p.id} size={2} align="start">
              <Image src={p.preview} width={72} height={72} style={{ objectFit: 'cover' }} alt={p.name} />
              <Button
                size="small"
                type="text"
                icon={<CloseOutlined />}
                aria-label={t(`移除 ${p.name}`, `Remove ${p.name}`)}
                onClick={() => remove(p)}
              />
            </Space>
          ))}
        </Space>
      )}
    </div>
  );
}

/** A report's photos as thumbnails; a tap opens the photo large, and the preview pages through the others. */
export function ReportPhotoGallery({ photos, size = 88 }: { photos: ReportPhotoView[]; size?: number }) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap data-testid="report-photos">
        {photos.map((p, i) => (
          <Image
            key={p.id}
            src={p.thumbnailUrl}
            width={size}
            height={size}
            style={{ objectFit: 'cover' }}
            preview={{ src: p.url }}
            alt={t(`举报照片 ${i + 1}`, `Report photo ${i + 1}`)}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
