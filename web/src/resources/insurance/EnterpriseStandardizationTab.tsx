// The enterprise file's 标准化 tab: the grade in force (the enterprise file's mirrored fields) and its history — grants,
// renewals, downgrades and revocations, an accident's downgrade linked to the accident — with the officers' form.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import {
  standardizationGradeLabels,
  standardizationGrades,
  standardizationRecordKindLabels,
  standardizationRecordKinds,
  type Enterprise,
  type StandardizationRecordView,
} from '@anjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useList, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { cstDate } from '../../app/time';
import { validValues } from '../../components/validValues';

const kindColours: Record<string, string> = { certified: 'green', renewed: 'blue', downgraded: 'orange', revoked: 'red' };

function RecordForm({ enterpriseId, onDone }: { enterpriseId: string; onDone: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await call('POST /api/standardization/records', { body: { ...v, enterpriseId } });
      form.resetFields();
      onDone();
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const grants = kind === 'certified' || kind === 'renewed';
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 520 }} initialValues={{ kind: 'certified' }} data-testid="standardization-form">
      <Form.Item name="kind" label={t('登记事项', 'Record')} rules={[{ required: true }]}>
        <Select options={standardizationRecordKinds.map((k) => ({ value: k, label: label(standardizationRecordKindLabels[k]) }))} />
      </Form.Item>
      {kind !== 'revoked' && (
        <Form.Item name="grade" label={t('等级', 'Grade')} rules={[{ required: true }]}>
          <Select options={standardizationGrades.map((g) => ({ value: g, label: label(standardizationGradeLabels[g]) }))} />
        </Form.Item>
      )}
      {grants && (
        <>
          <Form.Item name="certifyingBody" label={t('公告/评审单位', 'Certifying body')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="certifiedOn" label={t('达标（公告）日期', 'Certified on')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </>
      )}
      {!grants && (
        <Form.Item name="note" label={t('原因', 'Reason')} rules={[{ required: true, max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      <Button type="primary" block onClick={save}>
        {t('保存', 'Save')}
      </Button>
    </Form>
  );
}

export function EnterpriseStandardizationTab({ enterprise: e }: { enterprise: Enterprise }) {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const refresh = useRefresh();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useList('GET /api/standardization/records', { query: { enterpriseId: e.id, pageSize: 50 } });
  const done = () => {
    setAdding(false);
    void refresh('GET /api/standardization/records');
    // The enterprise file shows the mirrored grade and its version moved on.
    void qc.invalidateQueries({ queryKey: ['enterprise', e.id] });
  };
  return (
    <Card size="small" title={t('安全生产标准化', 'Safety standardization')} data-testid="standardization-tab">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('现有等级', 'Grade')}>
          {e.standardizationGrade ? label(standardizationGradeLabels[e.standardizationGrade]) : t('未达标', 'None')}
        </Descriptions.Item>
        <Descriptions.Item label={t('达标日期', 'Certified on')}>{e.standardizationDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('有效期至', 'Valid until')}>{e.standardizationExpiry ?? '—'}</Descriptions.Item>
      </Descriptions>
      {can('standardization.record') && !adding && (
        <Button onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {t('登记标准化等级', 'Record a grade')}
        </Button>
      )}
      {adding && (
        <Card size="small" style={{ marginBottom: 12 }} extra={<Button onClick={() => setAdding(false)}>{t('取消', 'Cancel')}</Button>}>
          <RecordForm enterpriseId={e.id} onDone={done} />
        </Card>
      )}
      <ErrorDisplay error={list.error} />
      <Table<StandardizationRecordView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('暂无标准化记录', 'No standardization records') }}
        columns={[
          { title: t('登记时间', 'Recorded'), render: (_, r) => cstDate(r.createdAt) },
          {
            title: t('事项', 'Record'),
            render: (_, r) => <Tag color={kindColours[r.kind]}>{label(standardizationRecordKindLabels[r.kind])}</Tag>,
          },
          {
            title: t('等级', 'Grade'),
            render: (_, r) =>
              `${r.previousGrade ? `${label(standardizationGradeLabels[r.previousGrade])} → ` : ''}${r.grade ? label(standardizationGradeLabels[r.grade]) : t('撤销', 'revoked')}`,
          },
          { title: t('公告/评审单位', 'Certifying body'), dataIndex: 'certifyingBody' },
          { title: t('有效期', 'Valid'), render: (_, r) => (r.certifiedOn ? `${r.certifiedOn} ~ ${r.expiresOn}` : '—') },
          {
            title: t('原因', 'Reason'),
            render: (_, r) => (
              <>
                {r.note}
                {r.accidentId && (
                  <>
                    {' '}
                    <Link to={`/accidents/${r.accidentId}`}>{t('查看事故', 'Accident')}</Link>
                  </>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
