// 交接班 on the duty roster page (phone-usable): someone on a running shift hands it over to the next shift of its
// post with notes (the open incidents are listed by the server); someone on the incoming shift acknowledges.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Input, List, Select, Space, Tag } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import type { ShiftView } from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { fmt } from './Duty';

export function HandoverCard({ shifts }: { shifts: ShiftView[] }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const list = useList('GET /api/emergency/duty/handovers', { query: {} });
  const now = Date.now();
  // The shifts the signed-in user keeps that are running or over: the ones they may hand over.
  const mine = shifts.filter(
    (s) =>
      (s.officerId === user?.id || s.leaderId === user?.id) &&
      new Date(s.startsAt).getTime() <= now &&
      !(list.data?.items ?? []).some((h) => h.fromShiftId === s.id),
  );
  const [fromShiftId, setFrom] = useState<string | undefined>();
  const [notes, setNotes] = useState('');
  const fail = (e: unknown) => message.error((e as Error).message);
  const handOver = async () => {
    if (!fromShiftId) return;
    try {
      await call('POST /api/emergency/duty/handovers', { body: { fromShiftId, notes: notes || undefined } });
      message.success(t('已交班', 'Handed over'));
      setFrom(undefined);
      setNotes('');
      await refresh('GET /api/emergency/duty/handovers');
    } catch (e) {
      fail(e);
    }
  };
  const acknowledge = async (id: string, version: number) => {
    try {
      await call('POST /api/emergency/duty/handovers/:id/acknowledge', { params: { id }, body: { version } });
      await refresh('GET /api/emergency/duty/handovers');
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card title={t('交接班', 'Handovers')} size="small" data-testid="handovers">
      {mine.length > 0 && (
        <Space direction="vertical" style={{ width: '100%', maxWidth: 560, marginBottom: 16 }}>
          <Select
            size="large"
            placeholder={t('选择要交出的班次', 'The shift you hand over')}
            value={fromShiftId}
            onChange={setFrom}
            options={mine.map((s) => ({ value: s.id, label: `${s.post} ${fmt(s.startsAt)}—${fmt(s.endsAt)}` }))}
          />
          <Input.TextArea
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            placeholder={t('交班事项', 'Notes for the next shift')}
          />
          <Button type="primary" size="large" block icon={<SwapOutlined />} disabled={!fromShiftId} onClick={handOver}>
            {t('交班', 'Hand over')}
          </Button>
        </Space>
      )}
      <List
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('暂无交接记录', 'No handovers') }}
        renderItem={(h) => (
          <List.Item
            actions={
              h.abilities.includes('acknowledge')
                ? [
                    <Button key="ack" type="primary" onClick={() => acknowledge(h.id, h.version)}>
                      {t('确认接班', 'Take over')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {h.post} {fmt(h.handedAt)} {h.handedByName} → {h.incomingName}
                  {h.acknowledgedAt ? (
                    <Tag color="green">{t(`${h.acknowledgedByName ?? ''} 已接班`, 'Taken over')}</Tag>
                  ) : (
                    <Tag color="orange">{t('待接班', 'Awaiting')}</Tag>
                  )}
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  {h.notes && <span>{h.notes}</span>}
                  <span>
                    {t(`未结事件 ${h.openIncidents.length} 起`, `${h.openIncidents.length} open incidents`)}
                    {h.openIncidents.slice(0, 5).map((i) => (
                      <Link key={i.id} to={`/emergency/incidents/${i.id}`} style={{ marginLeft: 8 }}>
                        {i.address}
                      </Link>
                    ))}
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
