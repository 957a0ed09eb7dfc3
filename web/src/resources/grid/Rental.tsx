// 出租屋备案: premises and landlords of the caller's area, premises let to a business without a 备案 in force (switch),
// recording a premises, filing a 备案 with the landlord's commitment signed on screen, and the community's acceptance
// (buttons from `abilities`).
import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, List, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { defaultRentalCommitment, rentalFilingStatusLabels, type CreatePremisesBody } from '@anjian/contracts';
import { call } from '../../api/client';
import { useList } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { validValues } from '../../components/validValues';

export function RentalPage() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [unfiled, setUnfiled] = useState(false);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [filingFor, setFilingFor] = useState<string | null>(null);
  const [premisesForm] = Form.useForm<CreatePremisesBody>();
  const [filingForm] = Form.useForm();
  const list = useList('GET /api/rental/premises', { query: { unfiled: unfiled || undefined, page, pageSize: 20 } });
  const filings = useList('GET /api/rental/filings', { query: { page: 1, pageSize: 50 } });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['GET /api/rental/premises'] }),
      qc.invalidateQueries({ queryKey: ['GET /api/rental/filings'] }),
    ]);
  const addPremises = async () => {
    const v = await validValues(premisesForm);
    if (!v) return;
    try {
      await call('POST /api/rental/premises', {
        body: Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as CreatePremisesBody,
      });
      setAdding(false);
      premisesForm.resetFields();
      await refresh();
    } catch (e) {
      const rest = applyApiErrors(premisesForm, e);
      if (rest) message.error(rest);
    }
  };
  const file = async () => {
    const v = await validValues(filingForm);
    if (!v) return;
    const [start, end] = v.lease as [Dayjs, Dayjs];
    try {
      await call('POST /api/rental/filings', {
        body: {
          premisesId: filingFor!,
          tenantName: v.tenantName,
          intendedUse: v.intendedUse,
          leaseStart: start.format('YYYY-MM-DD'),
          leaseEnd: end.format('YYYY-MM-DD'),
          commitment: { signed: true, signerName: v.signerName, signedAt: new Date().toISOString() },
        },
      });
      setFilingFor(null);
      filingForm.resetFields();
      await refresh();
    } catch (e) {
      const rest = applyApiErrors(filingForm, e);
      if (rest) message.error(rest);
    }
  };
  const decide = async (id: string, version: number, action: 'accept' | 'reject') => {
    const reason = action === 'reject' ? (window.prompt(t('不予备案理由', 'Reason for refusing')) ?? undefined) : undefined;
    try {
      await call('POST /api/rental/filings/:id/act', { params: { id }, body: { action, version, reason } });
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('出租屋备案', 'Rental premises')}
        extra={
          can('rental.manage') && (
            <Button onClick={() => setAdding(true)} data-testid="rental-add">
              {t('登记出租屋', 'Record premises')}
            </Button>
          )
        }
      >
        <Space style={{ marginBottom: 12 }}>
          <Switch checked={unfiled} onChange={(v) => (setUnfiled(v), setPage(1))} />
          {t('仅看出租给企业但未备案', 'Only premises let to a business without a safety filing')}
        </Space>
        <List
          loading={list.isLoading}
          dataSource={list.data?.items}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, size: 'small' }}
          renderItem={(p) => (
            <List.Item
              actions={
                can('rental.manage') && p.occupancy === 'let_to_business' && !p.pendingFiling
                  ? [
                      <Button key="file" size="small" onClick={() => setFilingFor(p.id)}>
                        {t('办理备案', 'File')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    {p.address}
                    {p.unfiled && !p.pendingFiling && <Tag color="red">{t('未备案', 'Not filed')}</Tag>}
                    {p.pendingFiling && (
                      <Tag color="orange">
                        {t(
                          `备案待社区受理（${p.pendingFiling.tenantName}）`,
                          `Filing awaiting the community (${p.pendingFiling.tenantName})`,
                        )}
                      </Tag>
                    )}
                    {p.currentFiling && (
                      <Tag color="green">{t(`已备案至 ${p.currentFiling.leaseEnd}`, `Filed until ${p.currentFiling.leaseEnd}`)}</Tag>
                    )}
                  </Space>
                }
                description={`${t('业主', 'Landlord')}: ${p.landlordName} ${p.landlordPhone ?? ''} · ${p.occupantName ?? ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('备案记录', 'Filings')}>
        <List
          loading={filings.isLoading}
          dataSource={filings.data?.items}
          renderItem={(f) => (
            <List.Item
              actions={[
                ...(f.abilities.includes('accept')
                  ? [
                      <Button key="a" size="small" type="primary" onClick={() => void decide(f.id, f.version, 'accept')}>
                        {t('受理', 'Accept')}
                      </Button>,
                    ]
                  : []),
                ...(f.abilities.includes('reject')
                  ? [
                      <Button key="r" size="small" danger onClick={() => void decide(f.id, f.version, 'reject')}>
                        {t('不予备案', 'Refuse')}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    {f.tenantName} · {f.intendedUse}
                    <Tag>{label(rentalFilingStatusLabels[f.status])}</Tag>
                    {f.expired && <Tag color="red">{t('已到期', 'Expired')}</Tag>}
                  </Space>
                }
                description={`${f.leaseStart} ~ ${f.leaseEnd} · ${t('承诺人', 'Signed by')} ${f.signerName}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Modal open={adding} title={t('登记出租屋', 'Record premises')} onCancel={() => setAdding(false)} onOk={() => void addPremises()}>
        <Form form={premisesForm} layout="vertical" initialValues={{ landlordKind: 'person', occupancy: 'let_to_business' }}>
          <Form.Item name="address" label={t('地址', 'Address')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="landlordKind" label={t('业主类型', 'Landlord')}>
            <Select
              options={[
                { value: 'person', label: t('个人', 'Person') },
                { value: 'company', label: t('单位', 'Company') },
              ]}
            />
          </Form.Item>
          <Form.Item name="landlordName" label={t('业主名称', 'Landlord name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="landlordPhone" label={t('业主电话', 'Landlord phone')}>
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item name="occupancy" label={t('使用情况', 'Use')}>
            <Select
              options={[
                { value: 'vacant', label: t('空置', 'Vacant') },
                { value: 'self_use', label: t('自用', 'Own use') },
                { value: 'let_to_business', label: t('出租给企业', 'Let to a business') },
              ]}
            />
          </Form.Item>
          <Form.Item name="occupantName" label={t('现使用单位', 'Occupant')}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!filingFor}
        title={t('出租屋安全生产备案', 'Rental safety filing')}
        onCancel={() => setFilingFor(null)}
        onOk={() => void file()}
      >
        <Form form={filingForm} layout="vertical">
          <Form.Item name="tenantName" label={t('承租单位', 'Tenant')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="intendedUse" label={t('拟用途', 'Intended use')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="lease"
            label={t('租赁期限', 'Lease')}
            rules={[{ required: true }]}
            initialValue={[dayjs(), dayjs().add(1, 'year')]}
          >
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{defaultRentalCommitment}</Typography.Paragraph>
          <Form.Item
            name="agree"
            valuePropName="checked"
            rules={[
              { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('请业主勾选承诺', 'The landlord must sign')))) },
            ]}
          >
            <Checkbox>{t('业主已阅读并签署承诺', 'The landlord has read and signs the commitment')}</Checkbox>
          </Form.Item>
          <Form.Item name="signerName" label={t('签署人', 'Signed by')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
