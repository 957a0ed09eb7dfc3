// 应急准备情况: one area's readiness — resources per kind against the configured minimums, expired stock batches,
// plans due for evaluation, enterprises overdue for drills, teams with nobody on duty — each linking to its list.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Tag } from 'antd';
import { resourceKindLabels, type ResourceKind } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { AreaCascader } from '../../components/AreaCascader';
import { ErrorDisplay } from '../../components/ErrorDisplay';

export function ReadinessPage() {
  const { t, label } = useI18n();
  const [areaCode, setAreaCode] = useState<string | undefined>();
  const r = useList('GET /api/emergency/readiness', { query: areaCode ? { areaCode } : {} });
  const v = r.data;
  const tile = (title: string, n: number, link: string, bad: boolean, extra?: string) => (
    <Col xs={12} sm={8} md={6} key={title}>
      <Link to={link}>
        <Card size="small" hoverable>
          <Statistic title={title} value={n} valueStyle={{ color: bad ? '#cf1322' : undefined }} suffix={extra} />
        </Card>
      </Link>
    </Col>
  );
  return (
    <Card
      title={t('应急准备情况', 'Readiness')}
      extra={<AreaCascader value={areaCode} onChange={(c: string | undefined) => setAreaCode(c || undefined)} style={{ minWidth: 200 }} />}
    >
      <ErrorDisplay error={r.error} />
      {v && (
        <Row gutter={[12, 12]}>
          {v.resources.map((x) =>
            tile(label(resourceKindLabels[x.kind as ResourceKind]), x.count, x.link, x.short, ` / ${t('最低', 'min')} ${x.minimum}`),
          )}
          {tile(t('过期物资批次', 'Expired batches'), v.expiredBatches.count, v.expiredBatches.link, v.expiredBatches.count > 0)}
          {tile(
            t('预案评估到期', 'Plans due for evaluation'),
            v.plansDueForEvaluation.count,
            v.plansDueForEvaluation.link,
            v.plansDueForEvaluation.count > 0,
          )}
          {tile(
            t('演练逾期企业', 'Enterprises overdue for drills'),
            v.drillsOverdue.count,
            v.drillsOverdue.link,
            v.drillsOverdue.count > 0,
          )}
          {tile(
            t('无人在岗的队伍', 'Teams with nobody on duty'),
            v.teamsNotOnDuty.count,
            v.teamsNotOnDuty.link,
            v.teamsNotOnDuty.count > 0,
          )}
        </Row>
      )}
      {v && v.resources.some((x) => x.short) && (
        <Tag color="red" style={{ marginTop: 12 }}>
          {t('资源低于配置的最低数量', 'Resources below the configured minimum')}
        </Tag>
      )}
    </Card>
  );
}
