// The enterprise file's hidden-danger tab: its hazards, its 令16号 quarterly/annual statistics, and the
// dual-prevention data export.
import { useState } from 'react';
import { Button, Descriptions, Input, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Enterprise } from '@anjian/contracts';
import { call, download } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { HazardList } from './HazardList';

function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}Q${Math.floor(d.getMonth() / 3) + 1}`;
}

export interface EnterpriseHazardsTabProps {
  enterprise: Enterprise;
}

export function EnterpriseHazardsTab({ enterprise }: EnterpriseHazardsTabProps) {
  const { t } = useI18n();
  const [period, setPeriod] = useState(currentQuarter());
  const report = useQuery({
    queryKey: ['hazard-report', enterprise.id, period],
    queryFn: () => call('GET /api/enterprises/:id/hazard-report', { params: { id: enterprise.id }, query: { period } }),
    enabled: /^\d{4}(Q[1-4])?$/.test(period),
    retry: false,
  });
  const r = report.data;
  return (
    <div>
      <HazardList fixed={{ enterpriseId: enterprise.id }} compact />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('隐患排查治理统计（令16号）', 'Hidden-danger statistics (令16号)')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim().toUpperCase())}
          style={{ width: 120 }}
          placeholder="2026Q3 / 2026"
        />
        <Button icon={<DownloadOutlined />} onClick={() => void download(`/api/enterprises/${enterprise.id}/hazard-export`)}>
          {t('导出双重预防数据（JSON）', 'Export dual-prevention data (JSON)')}
        </Button>
      </Space>
      {r && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('统计期', 'Period')}>{r.period.label}</Descriptions.Item>
          <Descriptions.Item label={t('报送期限', 'Due')}>{r.due}</Descriptions.Item>
          <Descriptions.Item label={t('排查发现', 'Found')}>{r.found}</Descriptions.Item>
          <Descriptions.Item label={t('其中重大', 'Of which major')}>{r.foundByGrade.major ?? 0}</Descriptions.Item>
          <Descriptions.Item label={t('本期销号', 'Closed in period')}>{r.closedInPeriod}</Descriptions.Item>
          <Descriptions.Item label={t('整改率', 'Rectification rate')}>
            {r.rectificationRate === null ? '—' : `${(r.rectificationRate * 100).toFixed(1)}%`}
          </Descriptions.Item>
          <Descriptions.Item label={t('期末未整改', 'Open at end')}>{r.openAtEnd}</Descriptions.Item>
          <Descriptions.Item label={t('期末逾期', 'Overdue at end')}>{r.overdueAtEnd}</Descriptions.Item>
        </Descriptions>
      )}
    </div>
  );
}
