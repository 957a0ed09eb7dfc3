// Emergency resources on the enterprise map: one clustered layer per kind (depots, teams, experts, shelters) in the
// layer control, and "nearest" from a clicked point — the nearest depots, teams and shelters, ranked by straight-line
// distance computed by the server (GET /api/emergency/nearest), shown in a popup with their phones (as the caller may
// see them). Returns the cleanup.
import L from 'leaflet';
import { resourceKindLabels, resourceKinds, type ResourceKind } from '@anjian/contracts';
import { call } from '../../api/client';

const kindColours: Record<ResourceKind, string> = { depot: '#d4380d', team: '#096dd9', expert: '#7cb305', shelter: '#531dab' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function addEmergencyLayers(
  m: L.Map,
  toDisplay: (lng: number, lat: number) => L.LatLngTuple,
  label: (b: { zh: string; en: string }) => string,
  t: (zh: string, en: string) => string,
): () => void {
  let alive = true;
  const control = L.control.layers(undefined, undefined, { collapsed: false }).addTo(m);
  void call('GET /api/emergency/map', { query: {} }).then((layer) => {
    if (!alive) return;
    for (const kind of resourceKinds) {
      const group = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
      group.addLayers(
        layer.items
          .filter((i) => i.kind === kind)
          .map((i) =>
            L.circleMarker(toDisplay(i.lng, i.lat), {
              radius: 7,
              color: '#fff',
              weight: 2,
              fillColor: kindColours[kind],
              fillOpacity: 0.95,
            })
              .bindTooltip(i.name)
              .on('click', () => window.open(`/emergency/resources/${i.id}`, '_self')),
          ),
      );
      control.addOverlay(group, `<span style="color:${kindColours[kind]}">●</span> ${esc(label(resourceKindLabels[kind]))}`);
      group.addTo(m);
    }
  });
  // Clicks land in display coordinates; the server keeps WGS-84 — inverse of toDisplay by one correction step.
  const toStored = (ll: L.LatLng) => {
    const [dLat, dLng] = toDisplay(ll.lng, ll.lat);
    return { lng: ll.lng - (dLng - ll.lng), lat: ll.lat - (dLat - ll.lat) };
  };
  const onClick = async (e: L.LeafletMouseEvent) => {
    const p = toStored(e.latlng);
    const popup = L.popup().setLatLng(e.latlng).setContent(t('正在查找最近的资源…', 'Finding the nearest resources…')).openOn(m);
    const targets = ['team', 'depot', 'shelter'] as const;
    const answers = await Promise.all(
      targets.map((target) =>
        call('GET /api/emergency/nearest', {
          query: { target, lng: Number(p.lng.toFixed(6)), lat: Number(p.lat.toFixed(6)), limit: 3, maxKm: 50 },
        }).catch(() => null),
      ),
    );
    const html = targets
      .map((target, i) => {
        const items = answers[i]?.items ?? [];
        const rows = items
          .map((x) => `<li>${esc(x.name)} · ${(x.distanceM / 1000).toFixed(1)} km${x.contactPhone ? ` · ${esc(x.contactPhone)}` : ''}</li>`)
          .join('');
        return `<b>${esc(label(resourceKindLabels[target]))}</b><ol style="padding-left:18px;margin:2px 0 6px">${rows || `<li>${t('50公里内无', 'none within 50 km')}</li>`}</ol>`;
      })
      .join('');
    popup.setContent(`<div data-testid="nearest-popup">${html}</div>`);
  };
  m.on('click', onClick);
  return () => {
    alive = false;
    m.off('click', onClick);
    control.remove();
  };
}
