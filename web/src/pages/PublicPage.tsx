// 公示 (no login): published administrative penalty decisions (行政处罚信息公示, personal data masked by the server,
// changed or revoked decisions already gone) and published 双随机 draw results (一公开). Both lists are paged on the
// server; a draw's result is fetched when its row is opened.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Descriptions, List, Segmented, Space, Table, Tabs, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { useAuth } from '../app/auth';
import { useI18n } from '../app/i18n';
import { PublicListings } from '../resources/credit/PublicListings';
import { PublicDisclosures } from '../resources/credit/PublicDisclosures';
import { cstDateTime } from '../app/time';

interface PublicPenalty {
  id: string;
  /** The 决定书 number; the deciding authority (the bureau) in orgName. */
  decisionNumber: string | null;
  orgName: string | null;
  partyName: string | null;
  partyCreditCode: string | null;
  partyLegalRepresentative: string | null;
  partyIdNumber: string | null;
  partyPhone: string | null;
  partyAddress: string | null;
  violation: string;
  basisArticle: string | null;
  fine: number | null;
  decidedOn: string | null;
}

interface PublicDrawSummary {
  id: string;
  title: string;
  orgName: string | null;
  poolCount: number;
  selected: number;
  publishedAt: string | null;
}

function Penalties() {
  const { t } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery({
    queryKey: ['public-penalties', page],
    queryFn: () => call('GET /api/public/penalties', { query: page }),
    placeholderData: (p) => p,
  });
  return (
    <Table<PublicPenalty>
      rowKey="id"
      size="middle"
      data-testid="public-penalties"
      loading={q.isLoading}
      dataSource={q.data?.items}
      scroll={{ x: 900 }}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: q.data?.total,
        onChange: (p, s) => setPage({ page: p, pageSize: s }),
      }}
      expandable={{
        expandedRowRender: (r) => (
          <Descriptions size="small" column={1}>
            {r.partyCreditCode && <Descriptions.Item label={t('统一社会信用代码', 'Credit code')}>{r.partyCreditCode}</Descriptions.Item>}
            {r.partyLegalRepresentative && (
              <Descriptions.Item label={t('法定代表人', 'Legal representative')}>{r.partyLegalRepresentative}</Descriptions.Item>
            )}
            {r.orgName && <Descriptions.Item label={t('处罚机关', 'Deciding authority')}>{r.orgName}</Descriptions.Item>}
            {r.partyIdNumber && <Descriptions.Item label={t('身份证号', 'ID number')}>{r.partyIdNumber}</Descriptions.Item>}
            {r.partyPhone && <Descriptions.Item label={t('电话', 'Phone')}>{r.partyPhone}</Descriptions.Item>}
            {r.partyAddress && <Descriptions.Item label={t('住址', 'Address')}>{r.partyAddress}</Descriptions.Item>}
            <Descriptions.Item label={t('违法事实', 'Violation')}>{r.violation}</Descriptions.Item>
          </Descriptions>
        ),
      }}
      columns={[
        { title: t('决定书文号', 'Decision number'), dataIndex: 'decisionNumber' },
        { title: t('当事人', 'Party'), dataIndex: 'partyName' },
        { title: t('违法事实', 'Violation'), dataIndex: 'violation', ellipsis: true },
        { title: t('处罚依据', 'Legal basis'), dataIndex: 'basisArticle' },
        { title: t('罚款（元）', 'Fine (yuan)'), dataIndex: 'fine' },
        { title: t('决定日期', 'Decided'), dataIndex: 'decidedOn' },
        { title: t('执法机关', 'Authority'), dataIndex: 'orgName' },
      ]}
    />
  );
}

/** The published weight table's rows, named as on the draw page (reference/enforcement/draw.ts). */
const weightLabels: Record<string, { zh: string; en: string }> = {
  base: { zh: '基础权重', en: 'Base weight' },
  openMajorHazard: { zh: '存在未销号重大事故隐患', en: 'Open major hidden danger' },
  redRisk: { zh: '重大风险（红色）', en: 'Red (major) risk' },
  orangeRisk: { zh: '较大风险（橙色）', en: 'Orange (significant) risk' },
  recentAccident: { zh: '近一年发生事故', en: 'Accident in the last year' },
  recentPenalty: { zh: '近一年受到行政处罚', en: 'Penalised in the last year' },
  neverInspected: { zh: '从未被检查', en: 'Never inspected' },
};

function DrawResult({ id }: { id: string }) {
  const { t, label } = useI18n();
  const q = useQuery({ queryKey: ['public-draw', id], queryFn: () => call('GET /api/public/draws/:id', { params: { id } }) });
  if (!q.data) return <Card loading size="small" />;
  const d = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="public-draw-result">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('随机种子', 'Seed')}>
          <Typography.Text copyable>{d.seed}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('抽取范围', 'Pool')}>
          {d.poolCount} {t('家企业', 'enterprises')} · {t('校验值', 'checksum')} {d.poolChecksum}
        </Descriptions.Item>
        <Descriptions.Item label={t('权重', 'Weights')}>
          {Object.entries(d.weightTable)
            .map(([k, v]) => `${weightLabels[k] ? label(weightLabels[k]) : k} ${k === 'base' ? '' : '+'}${v}`)
            .join(t('；', '; '))}
        </Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        bordered
        dataSource={d.result}
        renderItem={(r, i) => (
          <List.Item>
            {i + 1}. {r.name}
            {r.inspectors.length > 0 && ` — ${t('执法人员：', 'inspectors: ')}${r.inspectors.join(t('、', ', '))}`}
          </List.Item>
        )}
      />
    </Space>
  );
}

function Draws() {
  const { t } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery({
    queryKey: ['public-draws', page],
    queryFn: () => call('GET /api/public/draws', { query: page }),
    placeholderData: (p) => p,
  });
  return (
    <Table<PublicDrawSummary>
      rowKey="id"
      size="middle"
      data-testid="public-draws"
      loading={q.isLoading}
      dataSource={q.data?.items}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: q.data?.total,
        onChange: (p, s) => setPage({ page: p, pageSize: s }),
      }}
      expandable={{ expandedRowRender: (r) => <DrawResult id={r.id} /> }}
      columns={[
        { title: t('抽查事项', 'Draw'), dataIndex: 'title' },
        { title: t('组织机关', 'Authority'), dataIndex: 'orgName' },
        { title: t('抽取范围（家）', 'Pool'), dataIndex: 'poolCount' },
        { title: t('抽中（家）', 'Selected'), dataIndex: 'selected' },
        { title: t('公布时间', 'Published'), dataIndex: 'publishedAt', render: (v: string | null) => v && cstDateTime(v) },
      ]}
    />
  );
}

export function PublicPage() {
  const { t, lang, setLang } = useI18n();
  const { user } = useAuth();
  return (
    <div style={{ minHeight: '100vh', background: '#f0f5ff', padding: 16 }}>
      <Card style={{ maxWidth: 1200, margin: '0 auto' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <SafetyCertificateOutlined style={{ color: '#1677ff' }} /> {t('安全生产执法信息公示', 'Work-safety enforcement notices')}
          </Typography.Title>
          <Space>
            <Segmented
              size="small"
              value={lang}
              onChange={(v) => setLang(v as 'zh' | 'en')}
              options={[
                { label: '中文', value: 'zh' },
                { label: 'EN', value: 'en' },
              ]}
            />
            <Link to="/report">{t('我要举报', 'Report a violation')}</Link>
            {user ? <Link to="/">{t('返回工作台', 'Workbench')}</Link> : <Link to="/login">{t('登录', 'Log in')}</Link>}
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t(
            '公示内容中自然人的姓名、身份证号、电话和住址已作脱敏处理；被变更或撤销的处罚决定及相应企业公示已撤下。',
            "Natural persons' names, ID numbers, phones and addresses are masked; decisions later changed or revoked, and their enterprise notices, have been withdrawn.",
          )}
        </Typography.Paragraph>
        <Tabs
          items={[
            { key: 'penalties', label: t('行政处罚信息公示', 'Penalty decisions'), children: <Penalties /> },
            { key: 'draws', label: t('双随机抽查结果', 'Random inspection draws'), children: <Draws /> },
            { key: 'credit', label: t('严重失信主体名单', 'Serious-dishonesty list'), children: <PublicListings /> },
            {
              key: 'disclosures',
              label: t('事故、处罚及重大隐患企业', 'Accidents, penalties, major hidden dangers'),
              children: <PublicDisclosures />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
