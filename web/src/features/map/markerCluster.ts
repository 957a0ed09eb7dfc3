// leaflet.markercluster is a plugin that extends the global `L` the moment it runs, and it imports nothing. Imported
// statically from two pages (the enterprise map, the map of reports), the bundler ran it before Leaflet itself
// ("L is not defined", a blank page). Loading it on demand, after Leaflet has run and `window.L` is set, fixes the
// order whatever the chunking. Both maps import this file, so it also carries the one guard Leaflet needs.
import L from 'leaflet';

let loading: Promise<true> | undefined;

// Leaflet's canvas renderer (preferCanvas) can still run a redraw frame after its map was removed — leaving the map
// page while clusters were settling threw "Cannot read properties of undefined (reading 'clearRect')" on the next page
// (Leaflet issue 6030, fixed for one path only). A renderer without its drawing context has nothing to draw.
const canvas = L.Canvas.prototype as unknown as { _redraw(this: { _ctx?: unknown }): void };
const redraw = canvas._redraw;
canvas._redraw = function (this: { _ctx?: unknown }) {
  if (this._ctx) redraw.call(this);
};

/** Resolves once `L.markerClusterGroup` exists; safe to call from every map, loads the plugin once. */
export function loadMarkerCluster(): Promise<true> {
  const w = window as unknown as { L?: typeof L };
  if (!w.L) w.L = L;
  loading ??= import('leaflet.markercluster').then(() => true as const);
  return loading;
}
