// The 严重失信主体名单 workspace (部令第11号): listings in the caller's area by status, the candidates whose records
// meet a criterion (with a button to propose), and the proposal form (criteria, grounds, the cited records).
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import {
  listingCriteria,
  listingStatuses,
  listingStatusLabels,
  type ListingCriterion,
  type ListingStatus,
  type ListingView,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { validValues } from '../../components/validValues';

export const criterionLabels: Record<ListingCriterion, { zh: string; en: string }> = {
  major_accident: { zh: '发生重大、特别重大生产安全事故', en: 'A major or especially major accident' },
  two_larger_accidents_12m: { zh: '12个月内累计发生2起以上较大生产安全事故', en: 'Two or more larger accidents within 12 months' },
  aggravated_accident_fine: { zh: '事故情节特别严重，依安全生产法第114条处2–5倍罚款', en: 'Aggravated accident fined 2–5× (§114)' },
  concealed_accident: { zh: '瞒报、谎报生产安全事故', en: 'Concealed or falsely reported accident' },
  principal_fled: { zh: '主要负责人不立即组织抢救或擅离职守、逃匿', en: 'Principal failed to rescue, left the post or fled' },
  unlicensed_operation: { zh: '未依法取得安全许可擅自生产经营', en: 'Operating without the required safety licence' },
  agency_fraud: { zh: '中介机构租借资质、挂靠、出具虚假报告', en: 'Agency lending qualifications or issuing false reports' },
  evading_penalty: { zh: '有能力履行而拒不履行、逃避执行处罚决定', en: 'Refusing or evading a penalty decision when able to pay' },
  other_serious: { zh: '其他性质恶劣、情节严重的违法行为', en: 'Other serious violations' },
};

interface ProposeValues {
  enterpriseId: string;
  criteria: ListingCriterion[];
  grounds: string;
  sources: { type: 'penalty_case' | 'accident' | 'hazard' | 'credit_entry'; id: string }[];
}

export function ListingList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefresh();
  const [status, setStatus] = useState<ListingStatus | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [proposing, setProposing] = useState<{ name: string; values: Partial<ProposeValues> } | null>(null);
  const [form] = Form.useForm<ProposeValues>();
  const list = useList('GET /api/credit/listings', { query: { status, ...page } });
  const candidates = useList('GET /api/credit/listing-candidates', {});
  const manage = can('creditListing.manage');
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      const created = await call('POST /api/credit/listings', { body: { ...proposing!.values, ...v } as ProposeValues });
      setProposing(null);
      await refresh('GET /api/credit/listings', 'GET /api/credit/listing-candidates');
      navigate(`/credit-listings/${created.id}`);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('拟列入线索（依部令第11号标准）', 'Candidates (criteria of Order No. 11)')} size="small">
        <List
          size="small"
          data-testid="listing-candidates"
          loading={candidates.isLoading}
          dataSource={candidates.data?.items ?? []}
          locale={{ emptyText: t('暂无符合列入标准的企业', 'No enterprise meets a criterion') }}
          renderItem={(c) => (
            <List.Item
              actions={
                manage
                  ? [
                      <Button
                        key="p"
                        size="small"
                        onClick={() => {
                          form.setFieldsValue({ criteria: c.criteria.map((x) => x.criterion), grounds: '' });
                          setProposing({
                            name: c.enterpriseName,
                            values: {
                              enterpriseId: c.enterpriseId,
                              sources: c.criteria.flatMap((x) => x.sources) as ProposeValues['sources'],
                            },
                          });
                        }}
                      >
                        {t('拟列入', 'Propose')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space wrap>
                <b>{c.enterpriseName}</b>
                <Typography.Text type="secondary">{c.creditCode}</Typography.Text>
                {c.criteria.map((x) => (
                  <Tag key={x.criterion} color="red">
                    {label(criterionLabels[x.criterion])}
                  </Tag>
                ))}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('严重失信主体名单', 'Serious-dishonesty list')}>
        <Select
          allowClear
          placeholder={t('状态', 'Status')}
          style={{ width: 200, marginBottom: 12 }}
          value={status}
          onChange={setStatus}
          options={listingStatuses.map((s) => ({ value: s, label: label(listingStatusLabels[s]) }))}
        />
        <Table<ListingView>
          rowKey="id"
          size="middle"
          data-testid="listing-list"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          onRow={(r) => ({ onClick: () => navigate(`/credit-listings/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('当事人', 'Party'), dataIndex: 'partyName' },
            { title: t('统一社会信用代码', 'Credit code'), dataIndex: 'creditCode' },
            { title: t('状态', 'Status'), dataIndex: 'status', render: (s: ListingStatus) => <Tag>{label(listingStatusLabels[s])}</Tag> },
            { title: t('拟列入日期', 'Proposed'), dataIndex: 'proposedOn' },
            { title: t('异议期至', 'Objections until'), dataIndex: 'objectionDue' },
            { title: t('管理期至', 'Period ends'), dataIndex: 'periodEnd' },
          ]}
        />
      </Card>
      <Modal
        open={!!proposing}
        title={`${t('拟列入严重失信主体名单', 'Propose for the list')} · ${proposing?.name ?? ''}`}
        onOk={submit}
        onCancel={() => setProposing(null)}
        okText={t('提交', 'Submit')}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="criteria" label={t('列入情形', 'Criteria')} rules={[{ required: true }]}>
            <Select mode="multiple" options={listingCriteria.map((c) => ({ value: c, label: label(criterionLabels[c]) }))} />
          </Form.Item>
          <Form.Item
            name="grounds"
            label={t('事实与理由', 'Grounds')}
            rules={[{ required: true, message: t('请填写列入事由', 'Give the grounds') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
