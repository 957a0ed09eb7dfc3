// The workbench: who I am, my jurisdiction, and shortcuts to what my role may open.
import { Link } from 'react-router-dom';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { roleLabels } from '@anjian/contracts';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { visibleEntries } from '../../app/menu';
import { CalendarMissingBanner } from '../calendar/CalendarMissingBanner';

export function HomePage() {
  const { user, can } = useAuth();
  const { t, label } = useI18n();
  if (!user) return null;
  const shortcuts = visibleEntries(user).filter((m) => m.path !== '/' && !m.external);
  return (
    <>
      <Typography.Title level={4}>
        {t('欢迎', 'Welcome')}，{user.displayName}
      </Typography.Title>
      {/* Only those who can enter a missing year are asked to. */}
      {can('calendar.manage') && <CalendarMissingBanner />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small">
          <Descriptions.Item label={t('角色', 'Role')}>{label(roleLabels[user.role])}</Descriptions.Item>
          <Descriptions.Item label={t('所属机构', 'Organisation')}>{user.orgName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('辖区代码', 'Jurisdiction code')}>{user.areaCode ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {shortcuts.map((m) => (
          <Col key={m.path} xs={12} sm={8} md={6}>
            <Link to={m.path}>
              <Card hoverable size="small" style={{ textAlign: 'center' }}>
                <div style={{ fontSize: 24 }}>{m.icon}</div>
                {label(m.label)}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
