// The enterprise file's 职业健康 tab: the file's summary (declaration, last detection and when the next is due,
// equipment, grade, exposed workers checked), forms to record a declaration, a detection report with pass/fail per
// factor and an equipment issue, the officers' grade, and the exposed workers with their health checks (names,
// identity numbers and results as the server presents them: in full for the enterprise only).
import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  ohCheckKindLabels,
  ohCheckKinds,
  ohCheckResultLabels,
  ohCheckResults,
  ohFactorCategories,
  ohFactorCategoryLabels,
  ohGradeLabels,
  ohGrades,
  type Enterprise,
  type OhProfileView,
  type WorkerView,
} from '@anjian/contracts';
import { isNotFound, useCommand, useList, useRecord } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const profileKeys = ['GET /api/occupational-health/profiles/:id', 'GET /api/occupational-health/profiles/:id/workers'] as const;

export function EnterpriseOhTab({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useI18n();
  const q = useRecord('GET /api/occupational-health/profiles/:id', { params: { id: enterprise.id } });
  const register = useCommand('POST /api/occupational-health/profiles', [...profileKeys]);
  if (q.error && isNotFound(q.error))
    return (
      <Card size="small">
        <Space direction="vertical">
          {t('尚未建立职业健康档案', 'No occupational-health file yet')}
          {register.error && <ErrorDisplay error={register.error} />}
          <Button type="primary" loading={register.isPending} onClick={() => register.mutate({ body: { enterpriseId: enterprise.id } })}>
            {t('登记为存在职业病危害的企业', 'Register as having occupational hazards')}
          </Button>
        </Space>
      </Card>
    );
  if (q.error) return <ErrorDisplay error={q.error} />;
  if (!q.data) return null;
  return (
    <>
      <Summary p={q.data} />
      <Recorders p={q.data} />
      <Workers p={q.data} />
    </>
  );
}

function Summary({ p }: { p: OhProfileView }) {
  const { t, label } = useI18n();
  return (
    <Card size="small" title={t('职业健康档案', 'Occupational-health file')} style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} data-testid="oh-summary">
        <Descriptions.Item label={t('重点行业', 'Key sector')}>{p.keySector ? t('是', 'Yes') : t('否', 'No')}</Descriptions.Item>
        <Descriptions.Item label={t('申报日期', 'Declared on')}>
          {p.declaredOn ?? <Tag color="red">{t('未申报', 'Not declared')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('申报项目', 'Declared factors')}>
          {p.declarationItems.map((i) => `${i.factor}${t('（', ' (')}${i.exposed}${t('）', ')')}`).join(t('、', ', ')) || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('最近检测', 'Last detection')}>
          {p.lastDetectionOn ?? '—'}{' '}
          {p.lastDetectionPassed === false && <Tag color="orange">{t('有不合格因素', 'Some factors failed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('下次检测', 'Next detection due')}>
          {p.nextDetectionDue ?? '—'} {p.detectionOverdue && <Tag color="red">{t('应检测', 'Due')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('防护用品最近发放', 'Last equipment issue')}>{p.lastPpeOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('分类分级', 'Classification')}>{p.grade ? label(ohGradeLabels[p.grade]) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('在岗体检', 'Periodic checks')}>{`${p.workersChecked} / ${p.exposedWorkers}`}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        style={{ marginTop: 8 }}
        dataSource={p.detections}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('检测日期', 'Detected on'), dataIndex: 'detectedOn' },
          { title: t('报告编号', 'Report'), dataIndex: 'reportNo' },
          { title: t('检测机构', 'Agency'), dataIndex: 'agency' },
          {
            title: t('结果', 'Results'),
            render: (_, d) =>
              d.results.map((r) => (
                <Tag key={r.factor} color={r.passed ? 'green' : 'red'}>
                  {r.factor} {r.passed ? t('合格', 'pass') : t('不合格', 'fail')}
                </Tag>
              )),
          },
        ]}
      />
    </Card>
  );
}

function Recorders({ p }: { p: OhProfileView }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const params = { id: p.enterpriseId };
  const ok = () => message.success(t('已保存', 'Saved'));
  const declare = useCommand('POST /api/occupational-health/profiles/:id/declarations', [...profileKeys], ok);
  const detect = useCommand('POST /api/occupational-health/profiles/:id/detections', [...profileKeys], ok);
  const ppe = useCommand('POST /api/occupational-health/profiles/:id/ppe', [...profileKeys], ok);
  const grade = useCommand('PUT /api/occupational-health/profiles/:id/grade', [...profileKeys], ok);
  const error = declare.error ?? detect.error ?? ppe.error ?? grade.error;
  if (!p.abilities.length) return null;
  return (
    <Card size="small" title={t('登记', 'Record')} style={{ marginBottom: 12 }}>
      {error && <ErrorDisplay error={error} />}
      {p.abilities.includes('declare') && (
        <Form
          layout="inline"
          style={{ marginBottom: 8, rowGap: 8 }}
          initialValues={{ category: 'dust', exposed: 1 }}
          onFinish={(v: { date: Dayjs; factor: string; category: (typeof ohFactorCategories)[number]; exposed: number }) =>
            declare.mutate({
              params,
              body: {
                version: p.version,
                declaredOn: day(v.date),
                items: [{ factor: v.factor, category: v.category, exposed: v.exposed }],
              },
            })
          }
        >
          <Form.Item name="date" rules={[{ required: true }]}>
            <DatePicker placeholder={t('申报日期', 'Declared on')} />
          </Form.Item>
          <Form.Item name="factor" rules={[{ required: true }]}>
            <Input placeholder={t('危害因素', 'Factor')} />
          </Form.Item>
          <Form.Item name="category">
            <Select
              style={{ width: 150 }}
              options={ohFactorCategories.map((c) => ({ value: c, label: label(ohFactorCategoryLabels[c]) }))}
            />
          </Form.Item>
          <Form.Item name="exposed" label={t('接触人数', 'Exposed')}>
            <InputNumber min={0} />
          </Form.Item>
          <Button htmlType="submit" loading={declare.isPending}>
            {t('申报', 'Declare')}
          </Button>
        </Form>
      )}
      {p.abilities.includes('detect') && (
        <Form
          layout="inline"
          style={{ marginBottom: 8, rowGap: 8 }}
          initialValues={{ results: [{ factor: '', passed: true }] }}
          onFinish={(v: { date: Dayjs; reportNo: string; agency: string; results: { factor: string; passed: boolean }[] }) =>
            detect.mutate({
              params,
              body: { version: p.version, detectedOn: day(v.date), reportNo: v.reportNo, agency: v.agency, results: v.results },
            })
          }
        >
          <Form.Item name="date" rules={[{ required: true }]}>
            <DatePicker placeholder={t('检测日期', 'Detected on')} />
          </Form.Item>
          <Form.Item name="reportNo" rules={[{ required: true }]}>
            <Input placeholder={t('报告编号', 'Report no.')} />
          </Form.Item>
          <Form.Item name="agency" rules={[{ required: true }]}>
            <Input placeholder={t('检测机构', 'Agency')} />
          </Form.Item>
          <Form.List name="results">
            {(fields, { add }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key}>
                    <Form.Item name={[f.name, 'factor']} rules={[{ required: true }]}>
                      <Input placeholder={t('因素', 'Factor')} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'passed']} valuePropName="checked">
                      <Checkbox>{t('合格', 'Pass')}</Checkbox>
                    </Form.Item>
                  </Space>
                ))}
                <Button size="small" onClick={() => add({ factor: '', passed: true })}>
                  {t('加一项', 'Add factor')}
                </Button>
              </>
            )}
          </Form.List>
          <Button htmlType="submit" loading={detect.isPending}>
            {t('登记检测', 'Record detection')}
          </Button>
        </Form>
      )}
      {p.abilities.includes('ppe') && (
        <Form
          layout="inline"
          style={{ marginBottom: 8, rowGap: 8 }}
          initialValues={{ quantity: 1 }}
          onFinish={(v: { date: Dayjs; item: string; quantity: number }) =>
            ppe.mutate({ params, body: { version: p.version, issuedOn: day(v.date), item: v.item, quantity: v.quantity } })
          }
        >
          <Form.Item name="date" rules={[{ required: true }]}>
            <DatePicker placeholder={t('发放日期', 'Issued on')} />
          </Form.Item>
          <Form.Item name="item" rules={[{ required: true }]}>
            <Input placeholder={t('防护用品', 'Equipment')} />
          </Form.Item>
          <Form.Item name="quantity" label={t('数量', 'Quantity')}>
            <InputNumber min={1} />
          </Form.Item>
          <Button htmlType="submit" loading={ppe.isPending}>
            {t('登记发放', 'Record issue')}
          </Button>
        </Form>
      )}
      {p.abilities.includes('grade') && (
        <Space>
          {t('分类分级', 'Classification')}
          <Select
            style={{ width: 180 }}
            value={p.grade ?? undefined}
            placeholder={t('选择', 'Choose')}
            onChange={(g) => grade.mutate({ params, body: { version: p.version, grade: g } })}
            options={ohGrades.map((g) => ({ value: g, label: label(ohGradeLabels[g]) }))}
          />
        </Space>
      )}
    </Card>
  );
}

function Workers({ p }: { p: OhProfileView }) {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const [checking, setChecking] = useState<WorkerView | null>(null);
  const q = useList('GET /api/occupational-health/profiles/:id/workers', { params: { id: p.enterpriseId }, query: { page, pageSize: 20 } });
  const add = useCommand('POST /api/occupational-health/profiles/:id/workers', [...profileKeys]);
  const check = useCommand('POST /api/occupational-health/workers/:id/checks', [...profileKeys], () => setChecking(null));
  const [checkForm] = Form.useForm();
  return (
    <Card size="small" title={t('接害员工与职业健康检查', 'Exposed workers and health checks')}>
      {(q.error || add.error || check.error) && <ErrorDisplay error={q.error ?? add.error ?? check.error} />}
      {p.abilities.includes('worker') && (
        <Form
          layout="inline"
          style={{ marginBottom: 8, rowGap: 8 }}
          onFinish={(v: { name: string; idNumber: string; post: string; factors: string; from: Dayjs }) =>
            add.mutate({
              params: { id: p.enterpriseId },
              body: {
                version: p.version,
                name: v.name,
                idNumber: v.idNumber,
                post: v.post,
                factors: v.factors.split(/[,，、]/).filter(Boolean),
                employedFrom: day(v.from),
              },
            })
          }
        >
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={t('姓名', 'Name')} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="idNumber" rules={[{ required: true }]}>
            <Input placeholder={t('身份证号', 'ID number')} />
          </Form.Item>
          <Form.Item name="post" rules={[{ required: true }]}>
            <Input placeholder={t('岗位', 'Post')} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="factors" rules={[{ required: true }]}>
            <Input placeholder={t('接触因素（逗号分隔）', 'Factors (comma-separated)')} />
          </Form.Item>
          <Form.Item name="from" rules={[{ required: true }]}>
            <DatePicker placeholder={t('入职日期', 'Employed from')} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('添加员工', 'Add worker')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        data-testid="oh-workers"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 760 }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage }}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'name' },
          { title: t('身份证号', 'ID number'), dataIndex: 'idNumber' },
          { title: t('岗位', 'Post'), dataIndex: 'post' },
          { title: t('接触因素', 'Factors'), render: (_, w) => w.factors.join(t('、', ', ')) },
          {
            title: t('体检', 'Checks'),
            render: (_, w) =>
              w.checks.map((c, i) => (
                <Tag key={i} color={c.result && c.result !== 'normal' ? 'orange' : undefined}>
                  {c.checkedOn} {label(ohCheckKindLabels[c.kind])}
                  {c.result ? ` · ${label(ohCheckResultLabels[c.result])}` : ''}
                </Tag>
              )),
          },
          {
            title: t('在岗体检', 'Checked'),
            render: (_, w) => (w.checkedCurrent ? <Tag color="green">{t('有效', 'Current')}</Tag> : <Tag>{t('待检', 'Due')}</Tag>),
          },
          {
            title: '',
            render: (_, w) =>
              p.abilities.includes('worker') &&
              !w.leftOn && (
                <Button size="small" onClick={() => setChecking(w)}>
                  {t('登记体检', 'Record check')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!checking}
        title={t('登记职业健康检查', 'Record a health check')}
        onCancel={() => setChecking(null)}
        onOk={() => checkForm.submit()}
      >
        <Form
          form={checkForm}
          layout="vertical"
          initialValues={{ kind: 'periodic', result: 'normal' }}
          onFinish={(v: {
            kind: (typeof ohCheckKinds)[number];
            result: (typeof ohCheckResults)[number];
            date: Dayjs;
            institution: string;
          }) =>
            checking &&
            check.mutate({
              params: { id: checking.id },
              body: { version: checking.version, kind: v.kind, result: v.result, checkedOn: day(v.date), institution: v.institution },
            })
          }
        >
          <Form.Item name="kind" label={t('类别', 'Kind')}>
            <Select options={ohCheckKinds.map((k) => ({ value: k, label: label(ohCheckKindLabels[k]) }))} />
          </Form.Item>
          <Form.Item name="result" label={t('结论', 'Result')}>
            <Select options={ohCheckResults.map((k) => ({ value: k, label: label(ohCheckResultLabels[k]) }))} />
          </Form.Item>
          <Form.Item name="date" label={t('体检日期', 'Checked on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="institution" label={t('体检机构', 'Institution')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
