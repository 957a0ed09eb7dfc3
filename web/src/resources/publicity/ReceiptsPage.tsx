// 宣传签收 on the enterprise's phone: the campaigns that reach this enterprise, what it has received and how, and one
// large button to confirm receipt of the pushed safety tip (seed 001: 一条安全提示信息).
import { App, Button, Card, Empty, List, Space, Tag } from 'antd';
import { campaignKindLabels, publicityChannelLabels, publicityItemLabels } from '@anjian/contracts';
import { useCommand, useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';

export function ReceiptsPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const q = useList('GET /api/publicity/targets', { query: { pageSize: 50 } });
  const confirm = useCommand('POST /api/publicity/targets/:id/confirm', ['GET /api/publicity/targets'], () =>
    message.success(t('已确认收到', 'Receipt confirmed')),
  );
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      {(q.error || confirm.error) && <ErrorDisplay error={q.error ?? confirm.error} />}
      {q.data && q.data.items.length === 0 && <Empty description={t('暂无宣传活动', 'No campaigns')} />}
      <List
        data-testid="publicity-receipts"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        renderItem={(x) => (
          <Card
            size="small"
            style={{ marginBottom: 12 }}
            title={x.campaignTitle}
            extra={x.reached && <Tag color="green">{t('已全部收到', 'All received')}</Tag>}
          >
            <div style={{ marginBottom: 8 }}>
              {label(campaignKindLabels[x.campaignKind])} · {x.startsOn} ~ {x.endsOn}
              {x.theme && <div>{x.theme}</div>}
            </div>
            <Space direction="vertical" style={{ width: '100%' }}>
              {x.items.map((i) => {
                const d = x.delivered.find((y) => y.item === i);
                return (
                  <div key={i}>
                    {label(publicityItemLabels[i])}{' '}
                    {d ? <Tag color="green">{label(publicityChannelLabels[d.channel])}</Tag> : <Tag>{t('未收到', 'Not yet')}</Tag>}
                  </div>
                );
              })}
              {x.abilities.includes('confirm') && (
                <Button
                  type="primary"
                  block
                  size="large"
                  loading={confirm.isPending}
                  onClick={() => confirm.mutate({ params: { id: x.id }, body: { version: x.version } })}
                >
                  {t('确认已收到安全提示', 'Confirm the safety tip received')}
                </Button>
              )}
            </Space>
          </Card>
        )}
      />
    </div>
  );
}
