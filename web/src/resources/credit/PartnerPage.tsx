// 联合惩戒: the lookup partner agencies ask for ("is this credit code listed?" → the period and each agency's
// measures), the export of the list in force and its changes since a day (.xlsx, and the signed JSON feed for the
// agencies' systems), and the measures each agency applies (configuration, seed 003 七).
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { punishmentMeasureLabels, type PunishmentMeasureView } from '@anjian/contracts';
import { call, type RouteOutput } from '../../api/client';
import { useRecord } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';

type Lookup = RouteOutput<'GET /api/credit/lookup'>;

function MeasureTable({ measures }: { measures: PunishmentMeasureView[] }) {
  const { t, label } = useI18n();
  return (
    <Table<PunishmentMeasureView>
      rowKey={(m) => `${m.partnerId}-${m.kind}`}
      size="small"
      pagination={false}
      dataSource={measures}
      scroll={{ x: 600 }}
      columns={[
        { title: t('联合惩戒部门', 'Partner agency'), render: (_, m) => label(m.partner) },
        { title: t('惩戒领域', 'Field'), render: (_, m) => <Tag>{label(punishmentMeasureLabels[m.kind])}</Tag> },
        { title: t('惩戒措施', 'Measure'), render: (_, m) => label(m.measure) },
        {
          title: t('对象', 'Applies to'),
          render: (_, m) => (m.appliesTo === 'unit' ? t('失信单位', 'Unit') : t('主要负责人', 'Principal')),
        },
      ]}
    />
  );
}

export function PartnerPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<Lookup | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [since, setSince] = useState<Dayjs | null>(null);
  const measures = useRecord('GET /api/credit/partner-measures', {});
  const lookup = async () => {
    setError(null);
    try {
      setResult(await call('GET /api/credit/lookup', { query: { creditCode: code.trim() } }));
    } catch (e) {
      setResult(null);
      setError(e);
    }
  };
  const sinceQuery = since ? `?since=${since.format('YYYY-MM-DD')}` : '';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('失信主体查询（联合惩戒）', 'Lookup for joint punishment')}>
        <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
          <Input
            data-testid="partner-lookup-code"
            placeholder={t('统一社会信用代码', 'Unified social credit code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={lookup}
          />
          <Button type="primary" icon={<SearchOutlined />} onClick={lookup} data-testid="partner-lookup">
            {t('查询', 'Look up')}
          </Button>
        </Space.Compact>
        <ErrorDisplay error={error} style={{ marginTop: 12 }} />
        {result && (
          <div style={{ marginTop: 16 }} data-testid="partner-lookup-result">
            {result.listed ? (
              <Alert
                type="error"
                showIcon
                message={t('已列入严重失信主体名单', 'On the serious-dishonesty list')}
                description={
                  <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                    <Descriptions.Item label={t('失信主体', 'Party')}>{result.partyName}</Descriptions.Item>
                    <Descriptions.Item label={t('决定书文号', 'Decision number')}>{result.documentNumber ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('管理期', 'Period')}>
                      {result.periodStart} ~ {result.periodEnd}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('公开日期', 'Published')}>{result.publishedOn}</Descriptions.Item>
                  </Descriptions>
                }
              />
            ) : (
              <Alert
                type="success"
                showIcon
                message={t('未列入严重失信主体名单', 'Not on the serious-dishonesty list')}
                description={result.creditCode}
              />
            )}
            {result.measures.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('适用的惩戒措施', 'Measures that apply')}
                </Typography.Title>
                <MeasureTable measures={result.measures} />
              </>
            )}
          </div>
        )}
      </Card>
      {can('creditPartner.export') && (
        <Card title={t('向联合惩戒部门推送名单', 'Export for partner agencies')}>
          <Typography.Paragraph type="secondary">
            {t(
              '导出本辖区管理期内的名单及自所选日期以来的变更（列入、移出、恢复、期满）。JSON 数据以 HMAC-SHA256 签名，部门以约定密钥验签。',
              'The list in force in your area and its changes since the chosen day (listed, removed, re-listed, expired). The JSON feed is signed with HMAC-SHA256; agencies verify it with the agreed key.',
            )}
          </Typography.Paragraph>
          <Space wrap>
            <DatePicker value={since} onChange={setSince} placeholder={t('变更起始日期', 'Changes since')} data-testid="partner-since" />
            <Button icon={<DownloadOutlined />} href={`/api/credit/partner-export${sinceQuery}`} data-testid="partner-export-xlsx">
              {t('导出 Excel', 'Export .xlsx')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/credit/partner-feed${sinceQuery}`}
              target="_blank"
              data-testid="partner-export-feed"
            >
              {t('签名 JSON 数据', 'Signed JSON feed')}
            </Button>
          </Space>
        </Card>
      )}
      <Card
        title={t('联合惩戒部门及措施', 'Partner agencies and their measures')}
        extra={measures.data && <Tag>{measures.data.version}</Tag>}
      >
        <ErrorDisplay error={measures.error} />
        {measures.data && (
          <>
            <Typography.Paragraph type="secondary">{measures.data.basis}</Typography.Paragraph>
            <MeasureTable measures={measures.data.partners.flatMap((p) => p.measures)} />
          </>
        )}
      </Card>
    </Space>
  );
}
