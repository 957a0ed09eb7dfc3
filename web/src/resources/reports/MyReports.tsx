// A citizen account's own reports (linked when submitted while logged in), with status, reply and the photos sent.
import { Link } from 'react-router-dom';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { reportCategoryLabels, reportStatusLabels } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ReportPhotoGallery } from './ReportPhotos';

export function MyReports() {
  const { t, label } = useI18n();
  const q = useQuery({ queryKey: ['my-reports'], queryFn: () => call('GET /api/reports/mine') });
  return (
    <Card
      title={t('我的举报', 'My reports')}
      extra={
        <Link to="/report">
          <Button type="primary">{t('我要举报', 'Report')}</Button>
        </Link>
      }
    >
      <List
        loading={q.isLoading}
        dataSource={q.data ?? []}
        locale={{ emptyText: <Empty description={t('暂无举报', 'No reports yet')} /> }}
        renderItem={(r) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Tag>{label(reportStatusLabels[r.status])}</Tag>
                <Typography.Text strong>{label(reportCategoryLabels[r.category])}</Typography.Text>
                <Typography.Text type="secondary">{r.submittedOn}</Typography.Text>
                <Typography.Text copyable type="secondary">
                  {r.trackingCode}
                </Typography.Text>
              </Space>
              <Typography.Text>{r.address}</Typography.Text>
              <ReportPhotoGallery photos={r.photos} size={64} />
              {r.reply && <Typography.Paragraph>{t(`答复：${r.reply}`, `Reply: ${r.reply}`)}</Typography.Paragraph>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
