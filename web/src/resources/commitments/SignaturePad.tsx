// A finger-drawn signature on a canvas (phone first): pointer events draw strokes; the value is a PNG data URL.
import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { useI18n } from '../../app/i18n';

export function SignaturePad({ onChange }: { onChange(png: string | undefined): void }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  useEffect(() => {
    const c = canvas.current!;
    const ctx = c.getContext('2d')!;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * e.currentTarget.width) / r.width, y: ((e.clientY - r.top) * e.currentTarget.height) / r.height };
  };
  const clear = () => {
    const c = canvas.current!;
    c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    drawn.current = false;
    onChange(undefined);
  };
  return (
    <div>
      <canvas
        ref={canvas}
        width={600}
        height={240}
        data-testid="signature-pad"
        style={{
          width: '100%',
          maxWidth: 480,
          aspectRatio: '5 / 2',
          border: '1px dashed #999',
          borderRadius: 4,
          touchAction: 'none',
          background: '#fff',
        }}
        onPointerDown={(e) => {
          drawing.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          const ctx = e.currentTarget.getContext('2d')!;
          const p = point(e);
          ctx.beginPath();
          ctx.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d')!;
          const p = point(e);
          ctx.lineTo(p.x, p.y);
          ctx.stroke();
          drawn.current = true;
        }}
        onPointerUp={(e) => {
          drawing.current = false;
          if (drawn.current) onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      <div>
        <Button size="small" onClick={clear}>
          {t('清除重签', 'Clear')}
        </Button>
      </div>
    </div>
  );
}
