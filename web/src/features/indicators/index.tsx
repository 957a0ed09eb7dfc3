// Indicators and analysis screens: /indicators (rates, forecast, alarm), /indicators/gaoming (the Gaoming
// plan check) and /accident-analysis (dashboard and hotspots).
import { Route, Routes } from 'react-router-dom';
import { IndicatorsPage } from './IndicatorsPage';
import { GaomingPage } from './GaomingPage';
import { AnalysisDashboard } from './AnalysisDashboard';

export { IndicatorsPage, GaomingPage, AnalysisDashboard };

export function IndicatorRoutes() {
  return (
    <Routes>
      <Route index element={<IndicatorsPage />} />
      <Route path="gaoming" element={<GaomingPage />} />
    </Routes>
  );
}
