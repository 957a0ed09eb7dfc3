// leaflet.markercluster is a plugin that extends the global `L` the moment it runs, and it imports nothing. Imported
// statically from two pages (the enterprise map, the map of reports), the bundler ran it before Leaflet itself
// ("L is not defined", a blank page). Loading it on demand, after Leaflet has run and `window.L` is set, fixes the
// order whatever the chunking.
import L from 'leaflet';

let loading: Promise<true> | undefined;

/** Resolves once `L.markerClusterGroup` exists; safe to call from every map, loads the plugin once. */
export function loadMarkerCluster(): Promise<true> {
  const w = window as unknown as { L?: typeof L };
  if (!w.L) w.L = L;
  loading ??= import('leaflet.markercluster').then(() => true as const);
  return loading;
}
