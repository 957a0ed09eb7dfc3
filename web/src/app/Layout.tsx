// The application frame: side menu built from the caller's permissions, header with user,
// language switch and logout. On a phone the menu collapses into a drawer.
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Drawer, Grid, Layout as AntLayout, Menu, Segmented, Space, Spin, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { roleLabels } from '@anjian/contracts';
import { useAuth } from './auth';
import { useI18n } from './i18n';
import { selectedMenuPaths } from './menu-selection';
import { menuGroups, visibleEntries, type MenuEntry, type MenuGroup } from './menu';
import { UnreadBadge } from '../features/inbox/UnreadBadge';

export function Layout() {
  const { user, logout } = useAuth();
  const { t, label, lang, setLang } = useI18n();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const entries = user ? visibleEntries(user) : [];
  const selected = selectedMenuPaths(
    entries.map((m) => m.path),
    location.pathname,
  );
  // An enterprise account's file is its own enterprise, not the district's list.
  const target = (m: MenuEntry) => (m.path === '/enterprises' && user?.enterpriseId ? `/enterprises/${user.enterpriseId}` : m.path);
  const item = (m: MenuEntry) => ({
    key: m.path,
    icon: m.icon,
    label: m.external ? (
      <a href={m.path}>{label(m.label)}</a>
    ) : (
      <Link to={target(m)}>{label(user?.enterpriseId && m.enterpriseLabel ? m.enterpriseLabel : m.label)}</Link>
    ),
  });
  // Grouped by capability: a group of one entry is shown as that entry, larger groups as a submenu.
  const groups = [...new Set(entries.map((m) => m.group))];
  const items = groups.flatMap((g: MenuGroup): NonNullable<MenuProps['items']> => {
    const inGroup = entries.filter((m) => m.group === g);
    if (inGroup.length === 1) return [item(inGroup[0]!)];
    return [{ key: `group:${g}`, icon: menuGroups[g].icon, label: label(menuGroups[g].label), children: inGroup.map(item) }];
  });
  const openGroup = entries.find((m) => selected.includes(m.path))?.group;
  const nav = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      defaultOpenKeys={openGroup ? [`group:${openGroup}`] : []}
      items={items}
      forceSubMenuRender
      onClick={() => setDrawer(false)}
      data-testid="main-menu"
    />
  );
  const mobile = !screens.md;
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <AntLayout.Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: 16, fontWeight: 600, fontSize: 16 }}>
            <SafetyCertificateOutlined style={{ color: '#1677ff', marginRight: 8 }} />
            {t('安全生产监管平台', 'Work-safety supervision')}
          </div>
          {nav}
        </AntLayout.Sider>
      )}
      <AntLayout>
        <AntLayout.Header
          style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}
        >
          {mobile && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('菜单', 'Menu')} />}
          <div style={{ flex: 1 }} />
          <Space size="middle">
            {user && <UnreadBadge />}
            <Segmented
              size="small"
              value={lang}
              onChange={(v) => setLang(v as 'zh' | 'en')}
              options={[
                { label: '中文', value: 'zh' },
                { label: 'EN', value: 'en' },
              ]}
            />
            {user && (
              <Typography.Text data-testid="current-user">
                {user.displayName}
                {!mobile && <Typography.Text type="secondary"> · {label(roleLabels[user.role])}</Typography.Text>}
              </Typography.Text>
            )}
            <Button
              icon={<LogoutOutlined />}
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            >
              {!mobile && t('退出', 'Log out')}
            </Button>
          </Space>
        </AntLayout.Header>
        <AntLayout.Content style={{ padding: mobile ? 8 : 16 }}>
          <Suspense fallback={<Spin style={{ margin: 48 }} />}>
            <Outlet />
          </Suspense>
        </AntLayout.Content>
      </AntLayout>
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" width={240} styles={{ body: { padding: 0 } }}>
        {nav}
      </Drawer>
    </AntLayout>
  );
}
