// One scheme: its indicators (weight, source, rule) and vetoes, the steps from `abilities` (edit, freeze, compute,
// revise), and for the issuer the ranking with the rule stated and the .xlsx export.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { indicatorSourceLabels, vetoLabels, type IndicatorDef, type RankingView } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useRecord, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay, RecordState, errorText } from '../../components/ErrorDisplay';
import { applyApiErrors } from '../../components/apiErrors';
import { SchemeForm, formValuesOf, indicatorsOf } from './SchemeForm';

/** A scoring rule in the caller's language. */
const ruleText = (r: IndicatorDef['rule'], t: (zh: string, en: string) => string) =>
  r.kind === 'linear'
    ? t(`按比例，目标 ${r.target}%`, `Proportional, target ${r.target}%`)
    : r.kind === 'step_short'
      ? t(
          `目标 ${r.target}%，每少${r.step}个百分点扣${r.deduct}分`,
          `Target ${r.target}%, ${r.deduct} points off for every ${r.step} percentage points short`,
        )
      : r.kind === 'count_reduction'
        ? t(`较上年下降 ${r.reductionPct}%`, `${r.reductionPct}% fewer than last year`)
        : r.kind === 'double_decline'
          ? t('起数、死亡人数双下降', 'Fewer accidents and fewer deaths than last year')
          : t('分档', 'By bands');

export function SchemeShow() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefresh();
  const q = useRecord('GET /api/assessment/schemes/:id', { params: { id: id! } });
  const issuer = can('assessment.manage') && !!q.data?.abilities.length;
  const ranking = useRecord('GET /api/assessment/schemes/:id/ranking', { params: { id: id! } }, { enabled: issuer });
  const [editing, setEditing] = useState(false);
  if (!q.data)
    return (
      <RecordState query={q} what={{ zh: '考核方案', en: 'scheme' }}>
        {() => null}
      </RecordState>
    );
  const s = q.data;
  const step = async (path: 'freeze' | 'compute' | 'revise') => {
    try {
      const key = `POST /api/assessment/schemes/:id/${path}` as const;
      const out = await call(key, { params: { id: s.id }, body: { version: s.version } });
      await refresh('GET /api/assessment/schemes/:id', 'GET /api/assessment/schemes/:id/ranking', 'GET /api/assessment/sheets');
      if (path === 'revise') navigate(`/assessment/schemes/${out.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) await refresh('GET /api/assessment/schemes/:id');
      message.error(errorText(e));
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${s.year} ${s.title}`}
        extra={
          <Space wrap>
            <Tag>{t(`第${s.revision}版`, `Revision ${s.revision}`)}</Tag>
            {s.abilities.includes('edit') && <Button onClick={() => setEditing(true)}>{t('修改', 'Edit')}</Button>}
            {s.abilities.includes('freeze') && <Button onClick={() => step('freeze')}>{t('定稿', 'Freeze')}</Button>}
            {s.abilities.includes('compute') && (
              <Button type="primary" onClick={() => step('compute')} data-testid="scheme-compute">
                {t('计算得分', 'Compute scores')}
              </Button>
            )}
            {s.abilities.includes('compute') && <Button onClick={() => step('revise')}>{t('新修订版', 'New revision')}</Button>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t('状态', 'Status')}>
            {s.status === 'frozen' ? t('已定稿', 'Frozen') : t('草稿', 'Draft')}
          </Descriptions.Item>
          <Descriptions.Item label={t('总分值', 'Total weight')}>{s.totalWeight}</Descriptions.Item>
          <Descriptions.Item label={t('一票否决', 'Vetoes')}>
            {s.vetoes.map((v) => label(vetoLabels[v])).join(t('；', '; ')) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('被考核单位', 'Assessed units')} span={3}>
            {s.units.map((u) => u.name).join(t('、', ', '))}
          </Descriptions.Item>
        </Descriptions>
        <Table<IndicatorDef>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={s.indicators}
          scroll={{ x: 600 }}
          columns={[
            { title: t('指标', 'Indicator'), dataIndex: 'name' },
            { title: t('分值', 'Weight'), dataIndex: 'weight', width: 80 },
            { title: t('数据来源', 'Source'), dataIndex: 'source', render: (v: IndicatorDef['source']) => label(indicatorSourceLabels[v]) },
            { title: t('计分规则', 'Rule'), dataIndex: 'rule', render: (r: IndicatorDef['rule']) => ruleText(r, t) },
          ]}
        />
      </Card>
      {issuer && (
        <Card
          title={t('排名', 'Ranking')}
          extra={
            <Button href={`/api/assessment/schemes/${s.id}/export`} data-testid="ranking-export">
              {t('导出 Excel', 'Export .xlsx')}
            </Button>
          }
        >
          <ErrorDisplay error={ranking.error} />
          <p>{ranking.data?.rule}</p>
          <Table<RankingView['rows'][number]>
            rowKey="sheetId"
            size="small"
            pagination={false}
            loading={ranking.isLoading}
            dataSource={ranking.data?.rows}
            onRow={(r) => ({ onClick: () => navigate(`/assessment/sheets/${r.sheetId}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('名次', 'Rank'), dataIndex: 'rank', width: 80, render: (r: number | null) => r ?? '—' },
              { title: t('单位', 'Unit'), dataIndex: 'orgName' },
              { title: t('总分', 'Total'), dataIndex: 'total', width: 90 },
              {
                title: t('一票否决', 'Vetoed'),
                dataIndex: 'vetoed',
                width: 100,
                render: (v: boolean) => (v ? <Tag color="red">{t('是', 'Yes')}</Tag> : ''),
              },
            ]}
          />
        </Card>
      )}
      <SchemeForm
        open={editing}
        title={t('修改考核方案', 'Edit the scheme')}
        initial={formValuesOf(s)}
        lockYear
        onCancel={() => setEditing(false)}
        onSubmit={async (v, form) => {
          try {
            await call('PATCH /api/assessment/schemes/:id', {
              params: { id: s.id },
              body: {
                version: s.version,
                title: v.title,
                vetoes: v.vetoes ?? [],
                unitOrgIds: v.unitOrgIds,
                indicators: indicatorsOf(v.indicators ?? []),
              },
            });
            setEditing(false);
            await refresh('GET /api/assessment/schemes/:id');
          } catch (e) {
            if (e instanceof ApiError && e.status === 409) {
              message.warning(t('方案已被他人修改，已刷新', 'Someone changed the scheme; it was reloaded'));
              setEditing(false);
              await refresh('GET /api/assessment/schemes/:id');
              return;
            }
            const rest = applyApiErrors(form, e);
            if (rest) message.error(rest);
          }
        }}
      />
    </Space>
  );
}
