// 年度考核: the schemes the caller issued (the bureau: create, open) and the score sheets it may see — every unit's
// for the bureau, its own for a street, department or park (phone-first: a list of cards on a narrow screen).
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { sheetStatusLabels, type SchemeView, type SheetView } from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { applyApiErrors } from '../../components/apiErrors';
import { SchemeForm, indicatorsOf, schemeDefaults } from './SchemeForm';

export function AssessmentList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefresh();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sheetPage, setSheetPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const schemes = useList('GET /api/assessment/schemes', { query: page });
  const sheets = useList('GET /api/assessment/sheets', { query: sheetPage });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('考核方案', 'Assessment schemes')}
        extra={
          can('assessment.manage') && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="scheme-new">
              {t('制定方案', 'New scheme')}
            </Button>
          )
        }
      >
        <ErrorDisplay error={schemes.error} />
        <Table<SchemeView>
          rowKey="id"
          size="middle"
          loading={schemes.isLoading}
          dataSource={schemes.data?.items}
          scroll={{ x: 600 }}
          onRow={(r) => ({ onClick: () => navigate(`/assessment/schemes/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: schemes.data?.total,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('年度', 'Year'), dataIndex: 'year', width: 80 },
            { title: t('方案', 'Scheme'), dataIndex: 'title' },
            { title: t('修订版', 'Revision'), dataIndex: 'revision', width: 90 },
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              width: 100,
              render: (s: string) => (
                <Tag color={s === 'frozen' ? 'blue' : 'default'}>{s === 'frozen' ? t('已定稿', 'Frozen') : t('草稿', 'Draft')}</Tag>
              ),
            },
            { title: t('总分值', 'Total weight'), dataIndex: 'totalWeight', width: 100 },
          ]}
        />
      </Card>
      <Card title={t('考核得分表', 'Score sheets')}>
        <ErrorDisplay error={sheets.error} />
        <Table<SheetView>
          rowKey="id"
          size="middle"
          data-testid="sheet-list"
          loading={sheets.isLoading}
          dataSource={sheets.data?.items}
          scroll={{ x: 600 }}
          onRow={(r) => ({ onClick: () => navigate(`/assessment/sheets/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: sheetPage.page,
            pageSize: sheetPage.pageSize,
            total: sheets.data?.total,
            onChange: (p, s) => setSheetPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('年度', 'Year'), dataIndex: 'year', width: 80 },
            { title: t('单位', 'Unit'), dataIndex: 'orgName' },
            { title: t('总分', 'Total'), dataIndex: 'total', width: 90 },
            { title: t('名次', 'Rank'), dataIndex: 'rank', width: 80, render: (r: number | null) => r ?? '—' },
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              width: 120,
              render: (s: SheetView['status'], r) => (
                <Space size={4}>
                  <Tag>{label(sheetStatusLabels[s])}</Tag>
                  {r.vetoed && <Tag color="red">{t('一票否决', 'Vetoed')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <SchemeForm
        open={creating}
        title={t('制定考核方案', 'New assessment scheme')}
        initial={schemeDefaults}
        onCancel={() => setCreating(false)}
        onSubmit={async (v, form) => {
          try {
            const s = await call('POST /api/assessment/schemes', {
              body: {
                title: v.title,
                year: v.year,
                vetoes: v.vetoes ?? [],
                unitOrgIds: v.unitOrgIds,
                indicators: indicatorsOf(v.indicators ?? []),
              },
            });
            setCreating(false);
            await refresh('GET /api/assessment/schemes');
            navigate(`/assessment/schemes/${s.id}`);
          } catch (e) {
            const rest = applyApiErrors(form, e);
            if (rest) message.error(rest);
          }
        }}
      />
    </Space>
  );
}
