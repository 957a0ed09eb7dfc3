import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, outOfChina, wgs84ToGcj02 } from './geo';

describe('GCJ-02 conversion', () => {
  it('shifts a point in Shenzhen by a few hundred metres, as the published algorithm does', () => {
    const w = { lng: 114.2469, lat: 22.721 };
    const g = wgs84ToGcj02(w);
    // The GCJ-02 offset around Shenzhen is roughly +0.005° longitude and −0.0027° latitude.
    expect(g.lng - w.lng).toBeGreaterThan(0.004);
    expect(g.lng - w.lng).toBeLessThan(0.006);
    expect(g.lat - w.lat).toBeLessThan(-0.002);
    expect(g.lat - w.lat).toBeGreaterThan(-0.004);
  });
  it('round-trips to within a millimetre', () => {
    for (const p of [
      { lng: 114.05, lat: 22.55 },
      { lng: 116.397, lat: 39.908 },
      { lng: 87.6, lat: 43.8 },
    ]) {
      const back = gcj02ToWgs84(wgs84ToGcj02(p));
      expect(Math.abs(back.lng - p.lng)).toBeLessThan(1e-8);
      expect(Math.abs(back.lat - p.lat)).toBeLessThan(1e-8);
    }
  });
  it('leaves points outside China unchanged', () => {
    expect(outOfChina({ lng: 2.35, lat: 48.85 })).toBe(true);
    expect(wgs84ToGcj02({ lng: 2.35, lat: 48.85 })).toEqual({ lng: 2.35, lat: 48.85 });
  });
});
