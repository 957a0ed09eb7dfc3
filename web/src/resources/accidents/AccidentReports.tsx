// Reports up the chain (493号 第九～十一条): each department's due time, when it received the report,
// and whether that was on time, late or still missing — derived by the server at read time.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AccidentDetail } from '@anjian/contracts';
import { call, type RouteBody } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useAccidentCodes } from './codeTables';
import { TimelinessTag } from './LevelTag';
import { cstDateTime } from '../../app/time';
import { validValues } from '../../components/validValues';

export interface AccidentReportsProps {
  accident: AccidentDetail;
  onChanged(a: AccidentDetail): void;
}

const time = (v: string | null) => (v ? cstDateTime(v) : '—');

export function AccidentReports({ accident, onChanged }: AccidentReportsProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { find } = useAccidentCodes();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ tier: string; receivedAt: Dayjs; note?: string }>();
  const pending = accident.reports.filter((r) => !r.receivedAt);
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      onChanged(
        await call('POST /api/accidents/:id/reports', {
          params: { id: accident.id },
          body: {
            tier: v.tier as RouteBody<'POST /api/accidents/:id/reports'>['tier'],
            receivedAt: v.receivedAt.format(),
            note: v.note || null,
          },
        }),
      );
      setOpen(false);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <Table
        rowKey="tier"
        size="small"
        pagination={false}
        dataSource={accident.reports}
        columns={[
          { title: t('接报部门', 'Department'), dataIndex: 'tier', render: (x: string) => label(find('tiers', x)) },
          { title: t('应报时限', 'Due'), dataIndex: 'due', render: time },
          { title: t('接报时间', 'Received'), dataIndex: 'receivedAt', render: time },
          { title: t('及时性', 'Timeliness'), dataIndex: 'timeliness', render: (x: string) => <TimelinessTag value={x} /> },
        ]}
      />
      {accident.abilities.includes('report') && pending.length > 0 && (
        <Button style={{ marginTop: 8 }} onClick={() => setOpen(true)}>
          {t('登记接报时间', 'Record a receipt')}
        </Button>
      )}
      <Modal open={open} title={t('登记接报时间', 'Record a receipt')} onOk={submit} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ tier: pending[0]?.tier, receivedAt: dayjs() }} preserve={false}>
          <Form.Item name="tier" label={t('接报部门', 'Department')} rules={[{ required: true }]}>
            <Select options={pending.map((r) => ({ value: r.tier, label: label(find('tiers', r.tier)) }))} />
          </Form.Item>
          <Form.Item name="receivedAt" label={t('接报时间', 'Received at')} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="note" label={t('备注', 'Note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
