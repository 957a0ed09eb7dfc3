// The header's bell: unread notices of the caller, linking to the inbox.
import { Link } from 'react-router-dom';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n';
import { useUnreadCount } from './inbox.api';

export function UnreadBadge() {
  const { t } = useI18n();
  const { data } = useUnreadCount(true);
  return (
    <Link to="/inbox" data-testid="inbox-link" aria-label={t('消息', 'Inbox')}>
      <Badge count={data?.unread ?? 0} size="small" data-testid="unread-badge" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} />
      </Badge>
    </Link>
  );
}
