// The enterprise file's 信用 tab: the grade with its calculation (scheme version, base, deductions and good records by
// kind — good records with negative points, credited up to the scheme's cap and never past the base — caps) and the
// credit entries, each linked to its source record; withdrawn entries stay visible with their reason.
import { Alert, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { creditEntryKindLabels, creditGradeLabels, type CreditEntryView, type Enterprise } from '@anjian/contracts';
import { Link } from 'react-router-dom';
import { useRecord } from '../../api/hooks';
import { useI18n } from '../../app/i18n';

export const gradeColors: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

const sourceLinks: Record<string, (id: string) => string> = {
  penalty_case: (id) => `/enforcement/cases/${id}`,
  accident: (id) => `/accidents/${id}`,
  hazard: (id) => `/hazards/${id}`,
};

const severityLabels: Record<string, { zh: string; en: string }> = {
  general: { zh: '一般', en: 'General' },
  larger: { zh: '较大', en: 'Larger' },
  major: { zh: '重大', en: 'Major' },
  especially_major: { zh: '特别重大', en: 'Especially major' },
};

export function EnterpriseCreditTab({ enterprise }: { enterprise: Enterprise }) {
  const { t, label } = useI18n();
  const q = useRecord('GET /api/enterprises/:id/credit', { params: { id: enterprise.id } });
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Alert type="error" message={String(q.error)} />;
  const c = q.data;
  const calc = c.calculation;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="credit-tab">
      <Card size="small">
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <Tag color={gradeColors[c.grade]} style={{ fontSize: 20, padding: '4px 12px' }} data-testid="credit-grade">
              {c.grade}
            </Tag>
          </Typography.Title>
          <span>{label(creditGradeLabels[c.grade])}</span>
          <span>
            {t('信用分', 'Score')} <b>{c.score}</b> / {calc.base}
          </span>
          {c.listed && <Tag color="red">{t('严重失信主体名单（管理期内）', 'On the serious-dishonesty list')}</Tag>}
        </Space>
      </Card>
      <Card size="small" title={t('计算过程', 'Calculation')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('评分方案', 'Scheme')}>{calc.schemeVersion}</Descriptions.Item>
          <Descriptions.Item label={t('计分期间', 'Window')}>
            {calc.since} {t('起', 'on')}
            {t(`（${calc.windowMonths}个月）`, ` (${calc.windowMonths} months)`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('等级线', 'Thresholds')}>
            {calc.thresholds.map((x) => `${x.grade} ≥ ${x.minScore}`).join(t('；', '; '))}
            {t('；D 其余', '; D below')}
          </Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          rowKey={(l) => `${l.kind}:${l.severity ?? ''}`}
          pagination={false}
          dataSource={calc.lines}
          columns={[
            {
              title: t('扣分项', 'Item'),
              render: (_: unknown, l) =>
                `${label(creditEntryKindLabels[l.kind])}${l.severity && severityLabels[l.severity] ? `${t('（', ' (')}${label(severityLabels[l.severity])}${t('）', ')')}` : ''}`,
            },
            { title: t('次数', 'Count'), dataIndex: 'count' },
            { title: t('每次扣分', 'Each'), dataIndex: 'pointsEach' },
            { title: t('扣分', 'Points'), dataIndex: 'points' },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('合计', 'Total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} colSpan={3}>
                {calc.base} − {calc.deducted}
                {calc.credited > 0 ? ` + ${calc.credited}${t('（良好记录）', ' (good records)')}` : ''}
                {calc.base - calc.deducted + calc.credited > calc.base ? t(`（不超过${calc.base}）`, ` (at most ${calc.base})`) : ''} ={' '}
                {calc.score} → {calc.gradeByScore}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        {calc.caps.map((cap) => (
          <Alert key={cap.rule} style={{ marginTop: 8 }} type="warning" showIcon message={`${label(cap)} → ${cap.grade}`} />
        ))}
      </Card>
      <Card size="small" title={t('信用记录', 'Credit entries')}>
        <Table<CreditEntryView>
          size="small"
          rowKey="id"
          dataSource={c.entries}
          scroll={{ x: 700 }}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('日期', 'Date'), dataIndex: 'occurredOn', width: 110 },
            { title: t('类别', 'Kind'), dataIndex: 'kind', render: (k: CreditEntryView['kind']) => label(creditEntryKindLabels[k]) },
            {
              title: t('内容', 'Entry'),
              render: (_: unknown, e) => {
                const link = sourceLinks[e.sourceType];
                return link ? <Link to={link(e.sourceId)}>{e.title}</Link> : e.title;
              },
            },
            { title: t('来源', 'Source'), dataIndex: 'sourceRef' },
            { title: t('分值', 'Points'), dataIndex: 'points', width: 70 },
            {
              title: t('状态', 'Status'),
              render: (_: unknown, e) =>
                e.status === 'withdrawn' ? (
                  <Tag>
                    {t('已撤销', 'Withdrawn')} {e.withdrawnOn} {e.withdrawnReason}
                  </Tag>
                ) : e.counted ? (
                  <Tag color="red">{t('计分', 'Counted')}</Tag>
                ) : (
                  <Tag>{t('已超出计分期', 'Out of the window')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
