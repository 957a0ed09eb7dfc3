// A finger/pen signature on a canvas, returned as a PNG data URL (stored with the inspection record).
import { useEffect, useRef } from 'react';
import { Button, Space } from 'antd';
import { useI18n } from '../../app/i18n';

export interface SignaturePadProps {
  onChange(dataUrl: string | null): void;
  testId?: string;
}

export function SignaturePad({ onChange, testId }: SignaturePadProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  useEffect(() => {
    const c = ref.current!;
    const ctx = c.getContext('2d')!;
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    const at = (e: PointerEvent) => {
      const r = c.getBoundingClientRect();
      return [((e.clientX - r.left) * c.width) / r.width, ((e.clientY - r.top) * c.height) / r.height] as const;
    };
    const down = (e: PointerEvent) => {
      drawing.current = true;
      ctx.beginPath();
      ctx.moveTo(...at(e));
    };
    const move = (e: PointerEvent) => {
      if (!drawing.current) return;
      ctx.lineTo(...at(e));
      ctx.stroke();
    };
    const up = () => {
      if (!drawing.current) return;
      drawing.current = false;
      onChange(c.toDataURL('image/png'));
    };
    c.addEventListener('pointerdown', down);
    c.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      c.removeEventListener('pointerdown', down);
      c.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [onChange]);
  const clear = () => {
    const c = ref.current!;
    c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    onChange(null);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <canvas
        ref={ref}
        width={600}
        height={200}
        data-testid={testId}
        style={{ width: '100%', height: 120, border: '1px dashed #bbb', touchAction: 'none', background: '#fff' }}
      />
      <Button size="small" onClick={clear}>
        {t('重签', 'Clear')}
      </Button>
    </Space>
  );
}
