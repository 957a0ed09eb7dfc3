// The handler workspace's map of reports: the reports in the caller's scope inside the viewport (refetched as the map
// moves; at most one answer's worth, the rest counted), clustered, coloured by status. No reporter data is sent.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Card, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { loadMarkerCluster } from '../../features/map/markerCluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import {
  gcj02ToWgs84,
  reportCategoryLabels,
  reportStatusLabels,
  reportStatuses,
  wgs84ToGcj02,
  type ReportMapPoints,
  type ReportStatus,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';

export const reportStatusColours: Record<ReportStatus, string> = {
  received: '#e53935',
  accepted: '#fb8c00',
  handling: '#fdd835',
  replied: '#1e88e5',
  closed: '#43a047',
  rejected: '#8c8c8c',
  transferred: '#9a60b4',
  merged: '#bdbdbd',
};
const colourOf = (s: string) => reportStatusColours[s as ReportStatus] ?? '#8c8c8c';

type Bounds = { west: number; south: number; east: number; north: number };

export function ReportMap() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const el = useRef<HTMLDivElement>(null);
  const [bounds, setBounds] = useState<Bounds | null>(null);
  const [data, setData] = useState<ReportMapPoints | null>(null);
  const [error, setError] = useState<unknown>(null);
  const layer = useRef<L.MarkerClusterGroup | null>(null);
  const config = useQuery({ queryKey: ['map-config'], queryFn: () => call('GET /api/map/config') });
  const clusterReady = useQuery({ queryKey: ['leaflet-markercluster'], queryFn: loadMarkerCluster, staleTime: Infinity });
  const gcj = config.data?.tileDatum === 'gcj02';

  useEffect(() => {
    if (!el.current || !config.data || !clusterReady.data) return;
    const cfg = config.data;
    const m = L.map(el.current, { preferCanvas: true, maxZoom: 18 }).setView([22.72, 114.25], 13);
    m.attributionControl.setPrefix('Leaflet');
    if (cfg.tileUrl) L.tileLayer(cfg.tileUrl, { attribution: cfg.attribution ?? '', maxZoom: 18 }).addTo(m);
    const cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50 });
    m.addLayer(cluster);
    layer.current = cluster;
    // The viewport in WGS-84 (points are stored so); for GCJ-02 tiles the corners are shifted back.
    const report = () => {
      const b = m.getBounds();
      const sw =
        cfg.tileDatum === 'gcj02' ? gcj02ToWgs84({ lng: b.getWest(), lat: b.getSouth() }) : { lng: b.getWest(), lat: b.getSouth() };
      const ne =
        cfg.tileDatum === 'gcj02' ? gcj02ToWgs84({ lng: b.getEast(), lat: b.getNorth() }) : { lng: b.getEast(), lat: b.getNorth() };
      const r = (x: number) => Math.round(x * 10_000) / 10_000;
      setBounds({
        west: r(Math.max(-180, sw.lng)),
        south: r(Math.max(-90, sw.lat)),
        east: r(Math.min(180, ne.lng)),
        north: r(Math.min(90, ne.lat)),
      });
    };
    m.on('moveend', report);
    report();
    return () => {
      m.remove();
      layer.current = null;
    };
  }, [config.data, clusterReady.data]);

  useEffect(() => {
    if (!bounds) return;
    let live = true;
    call('GET /api/reports/map', { query: bounds })
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [bounds]);

  useEffect(() => {
    const cluster = layer.current;
    if (!cluster || !data) return;
    cluster.clearLayers();
    cluster.addLayers(
      data.points.map(([id, lat, lon, status, category]) => {
        const p = gcj ? wgs84ToGcj02({ lng: lon, lat }) : { lng: lon, lat };
        const marker = L.circleMarker([p.lat, p.lng], {
          radius: 7,
          color: '#fff',
          weight: 1,
          fillColor: colourOf(status),
          fillOpacity: 0.9,
        });
        marker.bindTooltip(`${label(reportCategoryLabels[category])} · ${label(reportStatusLabels[status])}`);
        marker.on('click', () => navigate(`/reports/${id}`));
        return marker;
      }),
    );
  }, [data, gcj, label, navigate]);

  return (
    <Card title={t('举报地图', 'Map of reports')}>
      {config.error || error ? <ErrorDisplay error={config.error ?? error} /> : null}
      {data?.truncated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(
            `本视图共 ${data.total} 件，仅显示最新 ${data.points.length} 件，请放大查看`,
            `${data.total} here; the newest ${data.points.length} shown — zoom in`,
          )}
        />
      )}
      <div ref={el} data-testid="report-map" style={{ height: 'calc(100vh - 260px)', minHeight: 360, background: '#f5f7fa' }} />
      <Space wrap style={{ marginTop: 8 }}>
        {reportStatuses.map((s) => (
          <Space key={s} size={4}>
            <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: reportStatusColours[s] }} />
            {label(reportStatusLabels[s])}
          </Space>
        ))}
        {data && <Typography.Text type="secondary">{t(`视图内 ${data.total} 件`, `${data.total} in view`)}</Typography.Text>}
      </Space>
    </Card>
  );
}
