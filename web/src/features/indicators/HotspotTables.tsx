// Where to aim enforcement: sectors and areas ranked by recent harm in the registry, with the weight the
// enforcement draw uses (score ÷ top score).
import { useState } from 'react';
import { Card, Col, InputNumber, Progress, Row, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Bilingual } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';

interface Hotspot {
  key: string;
  label: Bilingual;
  accidents: number;
  deaths: number;
  seriousInjuries: number;
  score: number;
  weight: number;
}

export function HotspotTables({ areaCode }: { areaCode?: string }) {
  const { t, label } = useI18n();
  const [months, setMonths] = useState(12);
  const q = useQuery({
    queryKey: ['hotspots', months, areaCode],
    queryFn: () => call('GET /api/accidents/hotspots', { query: { months, areaCode } }),
  });
  const table = (rows: Hotspot[] | undefined, title: string) => (
    <Table<Hotspot>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      title={() => title}
      columns={[
        { title: t('名称', 'Name'), render: (_, h) => label(h.label) },
        { title: t('起数', 'Accidents'), dataIndex: 'accidents' },
        { title: t('死亡', 'Deaths'), dataIndex: 'deaths' },
        { title: t('重伤', 'Serious'), dataIndex: 'seriousInjuries' },
        { title: t('权重', 'Weight'), dataIndex: 'weight', render: (w: number) => <Progress percent={Math.round(w * 100)} size="small" /> },
      ]}
    />
  );
  return (
    <Card
      size="small"
      title={t('执法重点（近期事故热点）', 'Where to aim enforcement')}
      extra={
        <InputNumber
          min={1}
          max={60}
          value={months}
          onChange={(v) => v && setMonths(v)}
          addonBefore={t('近', 'Last')}
          addonAfter={t('个月', 'months')}
        />
      }
    >
      {q.data && (
        <Typography.Paragraph type="secondary">
          {q.data.from} ~ {q.data.to} · {label(q.data.formula)}
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          {table(q.data?.sectors, t('行业', 'Sectors'))}
        </Col>
        <Col xs={24} lg={12}>
          {table(q.data?.areas, t('区域', 'Areas'))}
        </Col>
      </Row>
    </Card>
  );
}
