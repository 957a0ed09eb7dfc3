// 执法检查任务: the caller's inspections with state and kind filters; officers plan a new one here. An enterprise
// file shows the same list fixed to that enterprise.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RouteBody, type RouteQuery } from '../../api/client';
import { filteredList, useAddressState } from '../../app/address-state';
import { EnterprisePicker } from '../hazards/EnterprisePicker';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { inspectionListQuery, type InspectionView as Inspection } from '@anjian/contracts';
import { useCodeTables } from '../../api/codeTables';

export interface InspectionListProps {
  fixed?: { enterpriseId?: string };
  compact?: boolean;
}

const inspectionList = filteredList(inspectionListQuery.shape, ['state', 'reinspectionDue', 'inspectedMonth']);

export function InspectionList({ fixed, compact }: InspectionListProps) {
  const { t } = useI18n();
  const codes = useCodeTables();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  // The state filter and page in the address on the inspections page; in the component inside an enterprise file.
  const [{ filters, page }, show] = useAddressState(inspectionList.read, inspectionList.write, !fixed);
  const state = filters.reinspectionDue ? 'reinspection' : filters.state;
  const setState = (v: string | undefined) =>
    show({
      filters: v === 'reinspection' ? { reinspectionDue: 'true' } : { state: v as typeof filters.state },
      page: { ...page, page: 1 },
    });
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const query = { ...filters, ...fixed, ...page } as RouteQuery<'GET /api/inspections'>;
  const list = useQuery({
    queryKey: ['inspections', query],
    queryFn: () => call('GET /api/inspections', { query }),
    placeholderData: (p) => p,
  });
  const create = async (v: {
    enterpriseId: string;
    kind: Inspection['kind'];
    unannounced?: boolean;
    principalDuty?: boolean;
    departments?: string;
    plannedOn: string; // a native date input's value (YYYY-MM-DD)
  }) => {
    try {
      const created = await call('POST /api/inspections', {
        body: {
          enterpriseId: v.enterpriseId,
          kind: v.kind as RouteBody<'POST /api/inspections'>['kind'],
          unannounced: !!v.unannounced,
          principalDuty: !!v.principalDuty,
          departments: (v.departments ?? '')
            .split(/[,，、]/)
            .map((s) => s.trim())
            .filter(Boolean),
          plannedOn: v.plannedOn,
        },
      });
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['inspections'] });
      navigate(`/enforcement/inspections/${created.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card
      title={compact ? undefined : t('执法检查', 'Inspections')}
      extra={
        <Space>
          {!compact && filters.inspectedMonth && (
            <Tag closable onClose={() => show({ filters: {}, page: { ...page, page: 1 } })} data-testid="inspection-month">
              {t(`${filters.inspectedMonth} 已检查`, `Done in ${filters.inspectedMonth}`)}
            </Tag>
          )}
          {!compact && (
            <Select
              allowClear
              placeholder={t('状态', 'State')}
              style={{ width: 120 }}
              value={state}
              onChange={setState}
              options={[
                { value: 'planned', label: t('待检查', 'Planned') },
                { value: 'done', label: t('已检查', 'Done') },
                { value: 'reinspection', label: t('待复查', 'Re-inspection due') },
              ]}
            />
          )}
          {can('inspection.do') && (!compact || fixed?.enterpriseId) && (
            <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="inspection-new">
              {t('新建检查', 'New inspection')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Inspection>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        data-testid="inspection-table"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => show({ page: { page: p, pageSize: s } }),
        }}
        columns={[
          {
            title: t('计划日期', 'Planned'),
            dataIndex: 'plannedOn',
            render: (v: string, r) => <Link to={`/enforcement/inspections/${r.id}`}>{v}</Link>,
          },
          { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            render: (k: Inspection['kind'], r) => (
              <>
                {codes.label('inspectionKind', k)}
                {r.unannounced && <Tag style={{ marginLeft: 4 }}>{t('暗查暗访', 'Unannounced')}</Tag>}
                {r.principalDuty && (
                  <Tag color="blue" style={{ marginLeft: 4 }}>
                    {t('履责专项', 'Principal duty')}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('执法人员', 'Inspectors'), dataIndex: 'inspectorNames', render: (v: string[]) => v.join(t('、', ', ')) },
          {
            title: t('状态', 'State'),
            dataIndex: 'state',
            render: (s: string) =>
              s === 'done' ? <Tag color="green">{t('已检查', 'Done')}</Tag> : <Tag color="blue">{t('待检查', 'Planned')}</Tag>,
          },
          {
            title: t('复查', 'Re-inspection'),
            render: (_, r) =>
              r.reinspectedOn ? (
                r.reinspectionResult === 'passed' ? (
                  <Tag color="green">{t('通过', 'Passed')}</Tag>
                ) : (
                  <Tag color="red">{t('未通过', 'Failed')}</Tag>
                )
              ) : r.reinspectionDue ? (
                <span>
                  {r.reinspectionDue}
                  {r.reinspectionOverdue && (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      {t('复查逾期', 'Overdue')}
                    </Tag>
                  )}
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Modal open={open} title={t('新建检查', 'New inspection')} onCancel={() => setOpen(false)} footer={null} destroyOnClose>
        <Form layout="vertical" onFinish={create} initialValues={{ kind: 'planned', enterpriseId: fixed?.enterpriseId }}>
          <Form.Item name="enterpriseId" label={t('企业', 'Enterprise')} rules={[{ required: true }]} hidden={!!fixed?.enterpriseId}>
            <EnterprisePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')}>
            <Select
              options={(['planned', 'complaint', 'joint'] as const).map((k) => ({ value: k, label: codes.label('inspectionKind', k) }))}
            />
          </Form.Item>
          <Form.Item name="departments" label={t('联合检查部门（逗号分隔）', 'Joint departments (comma separated)')}>
            <Input />
          </Form.Item>
          <Form.Item name="unannounced" label={t('暗查暗访', 'Unannounced')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="principalDuty"
            label={t('企业主要负责人履责专项检查', 'Principal-duty inspection')}
            valuePropName="checked"
            tooltip={t(
              '计入各级检查频次：街道每月、区每季度、市每半年不少于一次',
              'Counts toward the minimum frequency: street monthly, district quarterly, city half-yearly',
            )}
          >
            <Switch data-testid="inspection-principal-duty" />
          </Form.Item>
          <Form.Item name="plannedOn" label={t('计划日期', 'Planned on')} rules={[{ required: true }]}>
            <Input type="date" data-testid="inspection-planned-on" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="inspection-create">
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
