// Coordinate systems. Records keep WGS-84/CGCS2000 (what GPS and 天地图 use); map providers that
// require GCJ-02 (the "Mars" datum of 高德/腾讯) get converted points at display time only.
// The transform is the widely published GCJ-02 algorithm (Krasovsky 1940 ellipsoid constants).
const A = 6378245.0;
const EE = 0.006693421622965943;

export interface LngLat {
  lng: number;
  lat: number;
}

/** GCJ-02 only applies inside mainland China; outside it the two datums coincide. */
export function outOfChina({ lng, lat }: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

export function wgs84ToGcj02(p: LngLat): LngLat {
  if (outOfChina(p)) return { ...p };
  let dLat = transformLat(p.lng - 105, p.lat - 35);
  let dLng = transformLng(p.lng - 105, p.lat - 35);
  const radLat = (p.lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lng: p.lng + dLng, lat: p.lat + dLat };
}

/** Inverse by fixed-point iteration: converges to well under a centimetre in a few steps. */
export function gcj02ToWgs84(p: LngLat): LngLat {
  if (outOfChina(p)) return { ...p };
  let w = { ...p };
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02(w);
    const dLng = g.lng - p.lng;
    const dLat = g.lat - p.lat;
    w = { lng: w.lng - dLng, lat: w.lat - dLat };
    if (Math.abs(dLng) < 1e-9 && Math.abs(dLat) < 1e-9) break;
  }
  return w;
}
