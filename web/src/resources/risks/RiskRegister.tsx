// One enterprise's risk register (风险分级管控清单): its analysis units with their highest open level and counts,
// and a form to add a unit. Used as the enterprise's own page and as the 风险分级 tab of the enterprise file.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { riskUnitKindLabels, type RiskUnit } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { optionsOf } from '../enterprises/labels';
import { RiskLevelTag } from './riskUi';
import { validValues } from '../../components/validValues';

export interface RiskRegisterProps {
  enterpriseId: string;
  /** Inside the enterprise file: no card frame. */
  embedded?: boolean;
}

export function RiskRegister({ enterpriseId, embedded = false }: RiskRegisterProps) {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const key = ['risk-units', enterpriseId];
  const units = useQuery({ queryKey: key, queryFn: () => call('GET /api/enterprises/:id/risk-units', { params: { id: enterpriseId } }) });
  const add = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await call('POST /api/enterprises/:id/risk-units', {
        params: { id: enterpriseId },
        body: {
          ...v,
          location: v.location || null,
          emergencyPhone: v.emergencyPhone || null,
        },
      });
      setAdding(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const list = (
    <List<RiskUnit>
      loading={units.isLoading}
      dataSource={units.data ?? []}
      locale={{ emptyText: t('尚未建立风险点', 'No analysis units yet') }}
      data-testid="risk-units"
      renderItem={(u) => (
        <List.Item extra={<RiskLevelTag level={u.level} />}>
          <List.Item.Meta
            title={<Link to={`/risks/units/${u.id}`}>{u.name}</Link>}
            description={
              <Space size={4} wrap>
                <Tag>{label(riskUnitKindLabels[u.kind])}</Tag>
                {u.location && <Typography.Text type="secondary">{u.location}</Typography.Text>}
                <Typography.Text type="secondary">
                  {t('红', 'R')} {u.counts.major} · {t('橙', 'O')} {u.counts.significant} · {t('黄', 'Y')} {u.counts.general} ·{' '}
                  {t('蓝', 'B')} {u.counts.low}
                  {u.counts.unassessed > 0 && ` · ${t('未评价', 'unassessed')} ${u.counts.unassessed}`}
                </Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
  const addButton = can('risk.manage') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-unit">
      {t('新增风险点', 'New unit')}
    </Button>
  );
  return (
    <>
      {embedded ? (
        <>
          <div style={{ marginBottom: 8 }}>{addButton}</div>
          {list}
        </>
      ) : (
        <Card title={t('风险分级管控清单', 'Risk register')} extra={addButton}>
          {list}
        </Card>
      )}
      <Modal open={adding} title={t('新增风险点', 'New analysis unit')} onCancel={() => setAdding(false)} onOk={add} destroyOnClose>
        <Form form={form} layout="vertical" initialValues={{ kind: 'post' }}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="unit-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: true }]}>
            <Select options={optionsOf(riskUnitKindLabels, label)} />
          </Form.Item>
          <Form.Item name="location" label={t('位置', 'Location')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="emergencyPhone" label={t('应急电话（印在风险告知卡上）', 'Emergency phone (printed on the card)')}>
            <Input maxLength={20} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
