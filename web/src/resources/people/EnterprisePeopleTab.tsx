// The enterprise file's 持证情况 tab: the enterprise's 三项岗位 people (identity numbers as the server presents them:
// masked for officers) and every certificate with its status, due date and review window.
import { Card, Table, Tag } from 'antd';
import { certificateKindLabels, personPostLabels, type CertificateView, type Enterprise, type PersonView } from '@anjian/contracts';
import { useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { CertificateStatusTag } from './labels';

export function EnterprisePeopleTab({ enterprise }: { enterprise: Enterprise }) {
  const { t, label } = useI18n();
  const peopleQ = useList('GET /api/people', { query: { enterpriseId: enterprise.id, current: true, pageSize: 200 } });
  const certs = useList('GET /api/certificates', { query: { enterpriseId: enterprise.id, pageSize: 200 } });
  if (peopleQ.error) return <ErrorDisplay error={peopleQ.error} />;
  return (
    <>
      <Card size="small" title={t('三项岗位及关键岗位人员', 'Key staff')} style={{ marginBottom: 12 }}>
        <Table<PersonView>
          rowKey="id"
          size="small"
          data-testid="enterprise-people"
          loading={peopleQ.isLoading}
          dataSource={peopleQ.data?.items}
          pagination={false}
          scroll={{ x: 640 }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'name' },
            { title: t('岗位', 'Post'), render: (_, p) => <Tag>{label(personPostLabels[p.post])}</Tag> },
            { title: t('身份证号', 'ID number'), dataIndex: 'idNumber' },
            { title: t('电话', 'Phone'), dataIndex: 'phone' },
            { title: t('上岗日期', 'Since'), dataIndex: 'employedFrom' },
          ]}
        />
      </Card>
      <Card size="small" title={t('证书', 'Certificates')}>
        {certs.error && <ErrorDisplay error={certs.error} />}
        <Table<CertificateView>
          rowKey="id"
          size="small"
          data-testid="enterprise-certificates"
          loading={certs.isLoading}
          dataSource={certs.data?.items}
          pagination={false}
          scroll={{ x: 860 }}
          columns={[
            { title: t('持证人', 'Holder'), dataIndex: 'personName' },
            { title: t('证书', 'Certificate'), render: (_, c) => label(certificateKindLabels[c.kind]) },
            { title: t('作业项目', 'Item'), dataIndex: 'itemName', ellipsis: true },
            { title: t('证号', 'Number'), dataIndex: 'number' },
            { title: t('应复审/到期', 'Due'), dataIndex: 'dueOn' },
            { title: t('状态', 'Status'), render: (_, c) => <CertificateStatusTag c={c} /> },
          ]}
        />
      </Card>
    </>
  );
}
