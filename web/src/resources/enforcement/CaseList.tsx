// 行政处罚案件 list: status, 首查必罚, 一案双查 and missing-evidence filters; officers file a case here.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RouteBody, type RouteQuery } from '../../api/client';
import { filteredList, useAddressState } from '../../app/address-state';
import { EnterprisePicker } from '../hazards/EnterprisePicker';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { caseListQuery, type CaseView as PenaltyCase } from '@anjian/contracts';
import { useCodeTables } from '../../api/codeTables';

export interface CaseListProps {
  fixed?: { enterpriseId?: string };
  compact?: boolean;
}

const caseList = filteredList(caseListQuery.shape, [
  'status',
  'missingEvidence',
  'firstCheckMustPenalise',
  'doubleInvestigation',
  'pastLimit',
]);

export function CaseList({ fixed, compact }: CaseListProps) {
  const { t, label } = useI18n();
  const codes = useCodeTables();
  const { can } = useAuth();
  // The evidence checklist and the 首查必罚 / 一案双查 flags are the office's case work, not the enterprise's
  // (a party reading its own cases): shown to staff only, as the enforcement pages are.
  const office = can('enforcement.read');
  const { message } = App.useApp();
  const qc = useQueryClient();
  // Filters and page in the address on the penalties page; in the component inside an enterprise file.
  const [{ filters, page }, show] = useAddressState(caseList.read, caseList.write, !fixed);
  const setFilters = (f: typeof filters) => show({ filters: f, page: { ...page, page: 1 } });
  const [open, setOpen] = useState(false);
  const query = { ...filters, ...fixed, ...page } as RouteQuery<'GET /api/enforcement/cases'>;
  const list = useQuery({
    queryKey: ['cases', query],
    queryFn: () => call('GET /api/enforcement/cases', { query }),
    placeholderData: (p) => p,
  });
  const bases = useQuery({ queryKey: ['penalty-bases'], queryFn: () => call('GET /api/enforcement/penalty-bases'), enabled: open });
  const file = async (v: Record<string, unknown>) => {
    try {
      await call('POST /api/enforcement/cases', {
        body: { ...v, enterpriseId: v.enterpriseId ?? fixed?.enterpriseId } as RouteBody<'POST /api/enforcement/cases'>,
      });
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const flag = (k: keyof typeof filters, text: string) => (
    <Checkbox checked={!!filters[k]} onChange={(e) => setFilters({ ...filters, [k]: e.target.checked || undefined })}>
      {text}
    </Checkbox>
  );
  return (
    <Card
      title={compact ? undefined : t('行政处罚', 'Penalty cases')}
      extra={
        <Space wrap>
          {!compact && (
            <Select
              allowClear
              placeholder={t('状态', 'Status')}
              style={{ width: 130 }}
              value={filters.status}
              onChange={(s) => setFilters({ ...filters, status: s })}
              options={codes.options('caseStatus')}
            />
          )}
          {!compact && office && flag('pastLimit', t('超期未决', 'Past the decision limit'))}
          {!compact && office && flag('missingEvidence', t('证据缺项', 'Missing evidence'))}
          {!compact && office && flag('firstCheckMustPenalise', t('首查必罚', 'First-check penalty'))}
          {!compact && office && flag('doubleInvestigation', t('一案双查', 'Double investigation'))}
          {can('case.manage') && (
            <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('立案', 'File a case')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<PenaltyCase>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => show({ page: { page: p, pageSize: s } }),
        }}
        columns={[
          {
            title: t('案号', 'Number'),
            dataIndex: 'number',
            render: (v: string, r) => (
              <>
                <Link to={`/enforcement/cases/${r.id}`}>{v}</Link>
                {r.origin === 'reinspection' && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    {t('复查不合格', 'Failed re-inspection')}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('当事人', 'Party'), dataIndex: 'partyName' },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string) => codes.label('caseStatus', s) },
          { title: t('罚款（元）', 'Fine (yuan)'), dataIndex: 'fine' },
          {
            title: t('决定期限', 'Decide by'),
            render: (_, r) =>
              r.decidedOn ? (
                r.decidedOn
              ) : r.decisionClock.paused ? (
                // Hearing pending: the clock stands still, so the date would only move daily.
                <Tag color="blue">{t('听证暂停', 'Paused: hearing')}</Tag>
              ) : (
                <span style={{ color: r.decisionOverdue ? 'red' : undefined }}>{r.decisionDue}</span>
              ),
          },
          ...(office
            ? [
                {
                  title: t('证据', 'Evidence'),
                  render: (_: unknown, r: PenaltyCase) =>
                    r.missingEvidence?.length ? (
                      r.missingEvidence.map((k) => (
                        <Tag key={k} color="orange">
                          {codes.label('caseEvidence', k)}
                        </Tag>
                      ))
                    ) : (
                      <Tag color="green">{t('齐全', 'Complete')}</Tag>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={open} title={t('立案', 'File a case')} onCancel={() => setOpen(false)} footer={null} destroyOnClose width={640}>
        <Form
          layout="vertical"
          onFinish={file}
          initialValues={{ procedure: 'general', partyKind: 'organisation', fineBand: 'first', enterpriseId: fixed?.enterpriseId }}
        >
          <Form.Item name="enterpriseId" label={t('企业', 'Enterprise')} rules={[{ required: true }]} hidden={!!fixed?.enterpriseId}>
            <EnterprisePicker />
          </Form.Item>
          <Space wrap>
            <Form.Item name="procedure" label={t('程序', 'Procedure')}>
              <Select
                style={{ width: 160 }}
                options={[
                  { value: 'general', label: t('一般程序', 'General') },
                  { value: 'simple', label: t('简易程序（当场）', 'Simple (on the spot)') },
                ]}
              />
            </Form.Item>
            <Form.Item name="partyKind" label={t('当事人类型', 'Party')}>
              <Select
                style={{ width: 160 }}
                options={[
                  { value: 'organisation', label: t('单位', 'Organisation') },
                  { value: 'natural_person', label: t('个人', 'Natural person') },
                ]}
              />
            </Form.Item>
          </Space>
          {/* An organisation party is the enterprise as registered; only a natural person's name is typed. */}
          <Form.Item noStyle shouldUpdate={(a, b) => a.partyKind !== b.partyKind}>
            {({ getFieldValue }) =>
              getFieldValue('partyKind') === 'natural_person' ? (
                <Form.Item name="partyName" label={t('当事人姓名', 'Party name')} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item name="violation" label={t('违法事实', 'Violation')} rules={[{ required: true }]}>
            <Input.TextArea />
          </Form.Item>
          <Form.Item name="basisId" label={t('处罚依据', 'Legal basis')} rules={[{ required: true }]}>
            <Select options={bases.data?.map((b) => ({ value: b.id, label: `${b.article} ${label(b.violation)}` }))} />
          </Form.Item>
          <Form.Item name="fine" label={t('罚款（元）', 'Fine (yuan)')}>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Space>
            <Form.Item name="firstCheckMustPenalise" valuePropName="checked">
              <Checkbox>{t('首查必罚', 'First-check penalty')}</Checkbox>
            </Form.Item>
            <Form.Item name="doubleInvestigation" valuePropName="checked">
              <Checkbox>{t('一案双查', 'Double investigation')}</Checkbox>
            </Form.Item>
            <Form.Item name="publish" valuePropName="checked">
              <Checkbox>{t('公示', 'Publish')}</Checkbox>
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit">
            {t('立案', 'File')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
