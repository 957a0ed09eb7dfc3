// The follow-up duties a fatal accident creates (约谈通报, 再培训, 警示教育, 失信名单研判, 一案双查), each done
// with who, when and an evidence note, or overdue (derived by the server from today and its due day).
import { useState } from 'react';
import { App, Form, Input, Modal, Table, Tag, Button, DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { FollowUp } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useAccidentCodes } from './codeTables';
import { validValues } from '../../components/validValues';

export interface FollowUpsProps {
  accidentId: string;
  items: FollowUp[];
  onChanged(): void;
}

export function FollowUps({ accidentId, items, onChanged }: FollowUpsProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { find } = useAccidentCodes();
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  const [form] = Form.useForm<{ evidenceNote: string; doneAt: Dayjs }>();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await call('POST /api/accidents/:id/follow-ups/:dutyId/complete', {
        params: { id: accidentId, dutyId: completing!.id },
        body: {
          evidenceNote: v.evidenceNote,
          doneAt: v.doneAt.format('YYYY-MM-DD'),
        },
      });
      message.success(t('已办结', 'Done'));
      setCompleting(null);
      form.resetFields();
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <Table<FollowUp>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid="follow-ups"
        locale={{
          emptyText: t('无后续事项（仅死亡或重大以上事故产生）', 'No follow-up duties (only fatal or major accidents create them)'),
        }}
        scroll={{ x: 720 }}
        columns={[
          { title: t('事项', 'Duty'), dataIndex: 'duty', render: (d: string) => label(find('duties', d)) },
          { title: t('期限', 'Due'), dataIndex: 'due', width: 110 },
          {
            title: t('状态', 'Status'),
            width: 110,
            render: (_, f) =>
              f.doneAt ? (
                <Tag color="green">{t('已办结', 'Done')}</Tag>
              ) : f.overdue ? (
                <Tag color="red">{t('已逾期', 'Overdue')}</Tag>
              ) : (
                <Tag>{t('办理中', 'Open')}</Tag>
              ),
          },
          {
            title: t('办结情况', 'Completion'),
            render: (_, f) =>
              f.doneAt
                ? `${f.doneAt} ${f.doneByName ?? ''}${t('：', ': ')}${f.evidenceNote ?? ''}`
                : f.listingMandatory
                  ? t('重大以上事故：应列入', 'Major or worse: listing mandatory')
                  : '',
          },
          {
            title: t('依据', 'Source'),
            dataIndex: 'source',
            responsive: ['md'],
          },
          {
            title: t('操作', 'Actions'),
            width: 90,
            render: (_, f) =>
              f.abilities.includes('complete') && (
                <Button type="link" size="small" onClick={() => setCompleting(f)} data-testid={`complete-${f.duty}`}>
                  {t('办结', 'Complete')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!completing}
        title={completing ? label(find('duties', completing.duty)) : ''}
        onOk={submit}
        onCancel={() => setCompleting(null)}
        okText={t('办结', 'Complete')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ doneAt: dayjs() }} preserve={false}>
          <Form.Item name="doneAt" label={t('办结日期', 'Done on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="evidenceNote" label={t('佐证材料说明', 'Evidence')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              placeholder={t('如：约谈记录编号、培训证明、会议纪要', 'e.g. interview record no., training certificate, minutes')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
