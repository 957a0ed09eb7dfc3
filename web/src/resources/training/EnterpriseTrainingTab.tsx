// The enterprise file's 培训 tab: this year's hours of each person against the hours their post requires (rules.md
// §5.3, identity numbers as the server presents them) and the enterprise's sessions.
import { useState } from 'react';
import { Card, Table, Tag } from 'antd';
import { personPostLabels, trainingKindLabels, type Enterprise } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { SessionDrawer } from './SessionDrawer';

export function EnterpriseTrainingTab({ enterprise }: { enterprise: Enterprise }) {
  const { t, label } = useI18n();
  const hours = useList('GET /api/training/people', { query: { enterpriseId: enterprise.id, pageSize: 200 } });
  const sessions = useList('GET /api/training/sessions', { query: { enterpriseId: enterprise.id, pageSize: 50 } });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <SessionDrawer id={open} onClose={() => setOpen(null)} />
      <Card size="small" title={t('本年度培训学时', 'Training hours this year')} style={{ marginBottom: 12 }}>
        {hours.error && <ErrorDisplay error={hours.error} />}
        <Table
          rowKey="personId"
          size="small"
          data-testid="enterprise-training-hours"
          loading={hours.isLoading}
          dataSource={hours.data?.items}
          pagination={false}
          scroll={{ x: 640 }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'name' },
            { title: t('岗位', 'Post'), render: (_, p) => <Tag>{label(personPostLabels[p.post])}</Tag> },
            { title: t('身份证号', 'ID number'), dataIndex: 'idNumber' },
            { title: t('要求', 'Required'), dataIndex: 'requirement' },
            {
              title: t('已完成学时', 'Hours'),
              render: (_, p) => <Tag color={p.met ? 'green' : 'orange'}>{`${p.hours} / ${p.requiredHours}`}</Tag>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('企业培训场次', 'Sessions')}>
        {sessions.error && <ErrorDisplay error={sessions.error} />}
        <Table
          rowKey="id"
          size="small"
          loading={sessions.isLoading}
          dataSource={sessions.data?.items}
          onRow={(s) => ({ onClick: () => setOpen(s.id), style: { cursor: 'pointer' } })}
          pagination={false}
          scroll={{ x: 640 }}
          columns={[
            { title: t('日期', 'Date'), dataIndex: 'date' },
            { title: t('培训', 'Title'), dataIndex: 'title' },
            { title: t('类别', 'Kind'), render: (_, s) => label(trainingKindLabels[s.kind]) },
            { title: t('学时', 'Hours'), dataIndex: 'hours' },
            { title: t('人数', 'Attendees'), dataIndex: 'attendees' },
          ]}
        />
      </Card>
    </>
  );
}
