// 信用等级: enterprises of the caller's area with a credit record, worst grade first; a row opens the enterprise file.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Card, Segmented, Table, Tag } from 'antd';
import { creditGrades, type CreditGrade } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { gradeColors } from './EnterpriseCreditTab';

export function CreditGradeList() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [grade, setGrade] = useState<CreditGrade | 'all'>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useList('GET /api/credit/enterprises', { query: { grade: grade === 'all' ? undefined : grade, ...page } });
  return (
    <Card title={t('企业信用等级', 'Credit grades')}>
      <Segmented
        style={{ marginBottom: 12 }}
        value={grade}
        onChange={(v) => setGrade(v as CreditGrade | 'all')}
        options={[{ value: 'all', label: t('全部', 'All') }, ...creditGrades.map((g) => ({ value: g, label: g }))]}
      />
      <Table
        rowKey="enterpriseId"
        size="middle"
        data-testid="credit-grades"
        loading={list.isLoading}
        dataSource={list.data?.items}
        onRow={(r) => ({ onClick: () => navigate(`/enterprises/${r.enterpriseId}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
          { title: t('统一社会信用代码', 'Credit code'), dataIndex: 'creditCode' },
          { title: t('等级', 'Grade'), dataIndex: 'grade', render: (g: string) => <Tag color={gradeColors[g]}>{g}</Tag> },
          { title: t('信用分', 'Score'), dataIndex: 'score' },
          { title: t('有效记录', 'Active entries'), dataIndex: 'activeEntries' },
          { title: t('评分方案', 'Scheme'), dataIndex: 'schemeVersion' },
        ]}
      />
    </Card>
  );
}
