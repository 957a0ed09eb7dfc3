// Enterprises on a map: Leaflet with marker clustering (tens of thousands of points), coloured by
// sector, by risk level or by credit grade (差异化监管: where the draw looks hardest). The base map URL is configurable
// (e.g. 天地图); with none configured or reachable the district boundary and points still show
// on a plain background.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Card, Segmented, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { creditGradeLabels, creditGrades, gcj02ToWgs84, sectorLabels, sectors, wgs84ToGcj02, type Sector } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { creditColours, sectorColours, riskColours } from './colours';
import { addEmergencyLayers } from './emergencyLayers';
import { loadMarkerCluster } from './markerCluster';
import { useAuth } from '../../app/auth';

export interface MapConfig {
  tileUrl: string | null;
  attribution: string | null;
  /** Datum of the tiles: points are stored in WGS-84 and shifted for GCJ-02 tiles. */
  tileDatum: 'wgs84' | 'gcj02';
  boundaryUrl: string | null;
  /** Datum of the boundary file. */
  boundaryDatum: 'wgs84' | 'gcj02';
}

export interface MapPoints {
  total: number;
  truncated: boolean;
  /** [id, lng, lat, sector index, name, risk level index or -1, credit grade index or -1] — compact for tens of thousands of points. */
  points: [string, number, number, number, string, number, number][];
}

type ColourBy = 'sector' | 'risk' | 'credit';

export function EnterpriseMap() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const withResources = can('emergency.read');
  const navigate = useNavigate();
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const [colourBy, setColourBy] = useState<ColourBy>('sector');
  const [tileError, setTileError] = useState(false);
  const config = useQuery({ queryKey: ['map-config'], queryFn: () => call('GET /api/map/config') });
  const points = useQuery({ queryKey: ['map-points'], queryFn: () => call('GET /api/map/enterprises') });
  const clusterReady = useQuery({ queryKey: ['leaflet-markercluster'], queryFn: loadMarkerCluster, staleTime: Infinity });

  useEffect(() => {
    if (!el.current || !config.data || !points.data || !clusterReady.data) return;
    const cfg = config.data;
    const toDisplay = (lng: number, lat: number): L.LatLngTuple => {
      const p = cfg.tileDatum === 'gcj02' ? wgs84ToGcj02({ lng, lat }) : { lng, lat };
      return [p.lat, p.lng];
    };
    const m = L.map(el.current, { preferCanvas: true, zoomControl: true, maxZoom: 18 }).setView([22.68, 114.25], 11);
    // The boundary arrives after a fetch: by then the user may have left the page and the map been removed, and
    // drawing on a removed canvas map throws (Leaflet's renderer has no context any more).
    let alive = true;
    map.current = m;
    m.attributionControl.setPrefix('Leaflet');
    if (cfg.tileUrl) {
      const layer = L.tileLayer(cfg.tileUrl, { attribution: cfg.attribution ?? '', maxZoom: 18 });
      layer.on('tileerror', () => setTileError(true));
      layer.addTo(m);
    }
    if (cfg.boundaryUrl) {
      void fetch(cfg.boundaryUrl)
        .then((r) => (r.ok ? r.json() : null))
        .then((geo) => {
          if (!geo || !alive) return;
          const layer = L.geoJSON(geo, {
            style: { color: '#1677ff', weight: 2, fillOpacity: 0.04 },
            coordsToLatLng: ([x, y]) => {
              const w = cfg.boundaryDatum === 'gcj02' ? gcj02ToWgs84({ lng: x!, lat: y! }) : { lng: x!, lat: y! };
              return L.latLng(toDisplay(w.lng, w.lat));
            },
          }).addTo(m);
          m.fitBounds(layer.getBounds(), { animate: false });
        });
    }
    const cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50 });
    const markers = points.data.points.map(([id, lng, lat, sectorIdx, name, riskIdx, creditIdx]) => {
      const colour =
        colourBy === 'risk'
          ? (riskColours[riskIdx] ?? '#8c8c8c')
          : colourBy === 'credit'
            ? (creditColours[creditIdx] ?? '#8c8c8c')
            : sectorColours[sectorIdx % sectorColours.length]!;
      const marker = L.circleMarker(toDisplay(lng, lat), { radius: 6, color: '#fff', weight: 1, fillColor: colour, fillOpacity: 0.9 });
      marker.bindTooltip(name);
      marker.on('click', () => navigate(`/enterprises/${id}`));
      return marker;
    });
    cluster.addLayers(markers);
    m.addLayer(cluster);
    // Emergency resources as layers of their own, and "nearest" from a clicked point, for those who may read them.
    const dropResources = withResources ? addEmergencyLayers(m, toDisplay, label, t) : null;
    return () => {
      alive = false;
      dropResources?.();
      m.remove();
      map.current = null;
    };
  }, [config.data, points.data, clusterReady.data, colourBy, navigate, withResources, label, t]);

  const legend =
    colourBy === 'sector'
      ? sectors.map((s: Sector, i) => ({ colour: sectorColours[i % sectorColours.length]!, text: label(sectorLabels[s]) }))
      : colourBy === 'credit'
        ? [
            ...creditGrades.map((g, i) => ({ colour: creditColours[i]!, text: `${g} ${label(creditGradeLabels[g])}` })),
            { colour: '#8c8c8c', text: t('未评级', 'Not graded') },
          ]
        : [
            { colour: riskColours[0]!, text: t('重大风险', 'Major') },
            { colour: riskColours[1]!, text: t('较大风险', 'Significant') },
            { colour: riskColours[2]!, text: t('一般风险', 'General') },
            { colour: riskColours[3]!, text: t('低风险', 'Low') },
            { colour: '#8c8c8c', text: t('未评估', 'Not assessed') },
          ];
  return (
    <Card
      title={t('企业分布图', 'Enterprise map')}
      extra={
        <Segmented
          value={colourBy}
          onChange={(v) => setColourBy(v as ColourBy)}
          options={[
            { value: 'sector', label: t('按行业着色', 'By sector') },
            { value: 'risk', label: t('按风险着色', 'By risk') },
            { value: 'credit', label: t('按信用着色', 'By credit') },
          ]}
        />
      }
    >
      {!config.data?.tileUrl && config.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(
            '暂无底图，显示辖区边界与企业点位（如需底图，请联系系统管理员）',
            'No base map yet: showing the boundary and the enterprises (ask the system administrator for a base map)',
          )}
        />
      )}
      {tileError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('底图无法访问，仅显示边界与点位', 'Base map unreachable: boundary and points only')}
        />
      )}
      {points.data?.truncated && (
        <Typography.Text type="secondary">
          {t(
            `仅显示前 ${points.data.points.length} 家（共 ${points.data.total} 家），请用筛选缩小范围`,
            `Showing ${points.data.points.length} of ${points.data.total}; filter to narrow down`,
          )}
        </Typography.Text>
      )}
      {(config.isLoading || points.isLoading) && <Spin />}
      <div ref={el} data-testid="enterprise-map" style={{ height: 'calc(100vh - 260px)', minHeight: 360, background: '#f5f7fa' }} />
      <Space wrap style={{ marginTop: 8 }}>
        {legend.map((l) => (
          <Space key={l.text} size={4}>
            <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: l.colour }} />
            {l.text}
          </Space>
        ))}
      </Space>
    </Card>
  );
}
