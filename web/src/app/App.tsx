// Providers (query cache, language, Ant Design locale and legacy-browser styles, auth) and routes.
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { StyleProvider, legacyLogicalPropertiesTransformer } from '@ant-design/cssinjs';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { AuthProvider, useAuth } from './auth';
import { I18nProvider, useI18n } from './i18n';
import { Layout } from './Layout';
import { menu } from './menu';
import { LoginPage } from '../pages/LoginPage';
import { PublicPage } from '../pages/PublicPage';
import { PublicCommitment } from '../resources/commitments/PublicCommitment';
import { ReportPage, ReportTrackPage } from '../pages/ReportPage';
import { InboxPage } from '../features/inbox/InboxPage';

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });

function RequireLogin({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin style={{ margin: 48 }} />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return children;
}

function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t('无权访问此页面', 'You may not open this page')} />;
}

function Routed() {
  const { can } = useAuth();
  const { t } = useI18n();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* 公示: open to everyone, no login. */}
      <Route path="/public" element={<PublicPage />} />
      {/* An enterprise's signed safety commitment, for its workers (the printed QR code): no login. */}
      <Route path="/public/commitments/:id" element={<PublicCommitment />} />
      {/* 举报 and its tracking: open to everyone, no login (a logged-in citizen's report is linked to the account). */}
      <Route path="/report" element={<ReportPage />} />
      <Route path="/report/track" element={<ReportTrackPage />} />
      <Route
        element={
          <RequireLogin>
            <Layout />
          </RequireLogin>
        }
      >
        {menu
          .filter((m) => !m.external)
          .map((m) => (
            <Route
              key={m.path}
              path={m.path === '/' ? '/' : `${m.path}/*`}
              element={!m.permission || can(m.permission) ? m.element : <Forbidden />}
            />
          ))}
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="*" element={<Result status="404" title="404" subTitle={t('页面不存在', 'Page not found')} />} />
      </Route>
    </Routes>
  );
}

function Localised({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    // hashPriority + logical-property transform keep Ant Design's styles working on Chromium 83.
    <StyleProvider hashPriority="high" transformers={[legacyLogicalPropertiesTransformer]}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 4 } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </StyleProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localised>
          <BrowserRouter>
            <AuthProvider>
              <Routed />
            </AuthProvider>
          </BrowserRouter>
        </Localised>
      </I18nProvider>
    </QueryClientProvider>
  );
}
