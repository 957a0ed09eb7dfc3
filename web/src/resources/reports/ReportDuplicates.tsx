// Suggested duplicates on a report's page (same enterprise, or pinned within the configured distance and window):
// the handler confirms a merge of this report into an earlier one being handled; reporters are kept and told.
import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { reportCategoryLabels, reportStatusLabels, type ReportDetail } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';

export function ReportDuplicates({ report }: { report: ReportDetail }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['report-duplicates', report.id, report.version],
    queryFn: () => call('GET /api/reports/:id/duplicates', { params: { id: report.id } }),
    enabled: report.status !== 'merged',
  });
  if (report.status === 'merged') return null;
  const merge = async (targetId: string) => {
    try {
      await call('POST /api/reports/:id/merge', { params: { id: report.id }, body: { targetId, version: report.version } });
      message.success(t('已合并，举报人将收到通知', 'Merged; the reporters will be told'));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 409)) message.error(e instanceof Error ? e.message : String(e));
      else message.warning(t('该举报已被他人更新，已刷新', 'Someone changed this report; it was reloaded'));
    }
    await qc.invalidateQueries({ queryKey: ['report', report.id] });
  };
  return (
    <Card
      data-testid="report-duplicates"
      title={t('疑似重复举报', 'Suggested duplicates')}
      extra={
        q.data && (
          <Typography.Text type="secondary">
            {t(
              `同一单位，或 ${q.data.distanceM} 米、${q.data.windowDays} 天内`,
              `Same enterprise, or within ${q.data.distanceM} m and ${q.data.windowDays} days`,
            )}
          </Typography.Text>
        )
      }
    >
      {q.error ? (
        <ErrorDisplay error={q.error} />
      ) : (
        <List
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: t('没有疑似重复的举报', 'No suggested duplicates') }}
          renderItem={(d) => (
            <List.Item
              actions={
                d.canMergeInto
                  ? [
                      <Popconfirm
                        key="merge"
                        title={t('将本举报合并到该举报一并办理？', 'Merge this report into that one?')}
                        onConfirm={() => merge(d.id)}
                      >
                        <Button size="small" data-testid={`merge-into-${d.id}`}>
                          {t('合并到此举报', 'Merge into it')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space wrap>
                <Link to={`/reports/${d.id}`}>{d.submittedOn}</Link>
                <span>{label(reportCategoryLabels[d.category])}</span>
                <Tag>{label(reportStatusLabels[d.status])}</Tag>
                <span>{d.enterpriseName ?? d.address}</span>
                {d.sameEnterprise && <Tag color="blue">{t('同一单位', 'Same enterprise')}</Tag>}
                {d.distanceM !== null && <Tag color="orange">{t(`相距 ${d.distanceM} 米`, `${d.distanceM} m away`)}</Tag>}
                {d.reporterCount > 1 && <Tag>{t(`${d.reporterCount} 名举报人`, `${d.reporterCount} reporters`)}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
