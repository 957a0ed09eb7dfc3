// One training session on a phone-sized drawer: who attended (add people by name; the server adds them to the
// attendance), 确认已举办 (the hours count from then on), and the 课件 — documents and MP4 videos learners open on their
// phones, uploaded and removed by the session's owner. Everything through the existing API; buttons from `abilities`.
import { useState } from 'react';
import { App, Button, Drawer, List, Popconfirm, Select, Space, Tag, Typography, Upload } from 'antd';
import { personPostLabels } from '@anjian/contracts';
import { call } from '../../api/client';
import { useCommand, useList, useRecord, useRefresh } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';

export function SessionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={!!id} onClose={onClose} width="min(100vw, 560px)" title={t('培训详情', 'Session')} destroyOnClose>
      {id && <SessionBody id={id} />}
    </Drawer>
  );
}

function SessionBody({ id }: { id: string }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const s = useRecord('GET /api/training/sessions/:id', { params: { id } });
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const d = s.data;
  const people = useList(
    'GET /api/people',
    { query: { q: q || undefined, enterpriseId: d?.enterpriseId ?? undefined, pageSize: 50 } },
    { enabled: !!d?.abilities.includes('attendance') },
  );
  const refresh = ['GET /api/training/sessions/:id', 'GET /api/training/sessions'] as const;
  const attend = useCommand('POST /api/training/sessions/:id/attendance', [...refresh], () => {
    setPicked([]);
    message.success(t('已登记签到', 'Attendance recorded'));
  });
  const complete = useCommand('POST /api/training/sessions/:id/complete', [...refresh], () =>
    message.success(t('已确认举办，学时已计入', 'Marked held; the hours count')),
  );
  if (s.error) return <ErrorDisplay error={s.error} />;
  if (!d) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="training-session">
      <div>
        <Typography.Title level={5}>{d.title}</Typography.Title>
        {d.date} · {d.hours} {t('学时', 'hours')} · {d.mode === 'online' ? t('线上', 'Online') : (d.place ?? '')}{' '}
        {d.status === 'completed' ? (
          <Tag color="green">{t('已举办', 'Held')}</Tag>
        ) : d.status === 'cancelled' ? (
          <Tag>{t('已取消', 'Cancelled')}</Tag>
        ) : (
          <Tag color="blue">{t('计划', 'Planned')}</Tag>
        )}
      </div>
      <div>
        <Typography.Text strong>{t(`签到人员（${d.attendance.length}）`, `Attendance (${d.attendance.length})`)}</Typography.Text>
        <List
          size="small"
          dataSource={d.attendance}
          renderItem={(a) => (
            <List.Item>
              {a.name} · {label(personPostLabels[a.post])} {a.enterpriseName ? `· ${a.enterpriseName}` : ''}
            </List.Item>
          )}
        />
        {d.abilities.includes('attendance') && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              onSearch={setQ}
              style={{ width: '100%' }}
              placeholder={t('输入姓名查找人员', 'Type a name to find people')}
              value={picked}
              onChange={setPicked}
              loading={people.isLoading}
              options={(people.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.name} · ${label(personPostLabels[p.post])}${p.enterpriseName ? ` · ${p.enterpriseName}` : ''}`,
              }))}
            />
            <Button
              block
              disabled={picked.length === 0}
              loading={attend.isPending}
              onClick={() => attend.mutate({ params: { id }, body: { version: d.version, personIds: picked } })}
            >
              {t('登记签到', 'Record attendance')}
            </Button>
          </Space>
        )}
        {attend.error && <ErrorDisplay error={attend.error} />}
      </div>
      {d.abilities.includes('complete') && (
        <Popconfirm
          title={t('确认该培训已举办？确认后签到人员的学时计入统计。', 'Mark this session held? Attendees’ hours then count.')}
          onConfirm={() => complete.mutate({ params: { id }, body: { version: d.version } })}
        >
          <Button type="primary" block size="large" loading={complete.isPending}>
            {t('确认已举办', 'Mark held')}
          </Button>
        </Popconfirm>
      )}
      {complete.error && <ErrorDisplay error={complete.error} />}
      <Materials sessionId={id} />
    </Space>
  );
}

function Materials({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refreshAll = useRefresh();
  const list = useList('GET /api/training/sessions/:id/materials', { params: { id: sessionId } });
  const [uploading, setUploading] = useState(false);
  const remove = useCommand('DELETE /api/training/materials/:id', ['GET /api/training/sessions/:id/materials'], () =>
    message.success(t('已删除', 'Removed')),
  );
  const upload = async (file: File) => {
    setUploading(true);
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      await call('POST /api/training/sessions/:id/materials', { params: { id: sessionId }, form: fd });
      message.success(t('已上传', 'Uploaded'));
      await refreshAll('GET /api/training/sessions/:id/materials');
    } catch (e) {
      message.error(`${t('上传失败', 'Upload failed')} ${(e as Error).message}`);
    } finally {
      setUploading(false);
    }
  };
  return (
    <div>
      <Typography.Text strong>{t('课件', 'Course materials')}</Typography.Text>
      {list.error && <ErrorDisplay error={list.error} />}
      <List
        size="small"
        data-testid="training-materials"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('暂无课件', 'No materials') }}
        renderItem={(m) => (
          <List.Item
            actions={
              m.abilities.includes('remove')
                ? [
                    <Popconfirm
                      key="rm"
                      title={t('删除该课件？', 'Remove this file?')}
                      onConfirm={() => remove.mutate({ params: { id: m.id } })}
                    >
                      <Button size="small" danger>
                        {t('删除', 'Remove')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <a href={`/api/files/${m.id}`} target="_blank" rel="noreferrer">
                {m.kind === 'video' ? '🎬 ' : '📄 '}
                {m.name}
              </a>
              {m.kind === 'video' && <video src={`/api/files/${m.id}`} controls preload="none" style={{ width: '100%' }} />}
            </Space>
          </List.Item>
        )}
      />
      {list.data?.canUpload && (
        <Upload
          accept=".pdf,.docx,.xlsx,.mp4,video/mp4"
          showUploadList={false}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
        >
          <Button loading={uploading}>{t('上传课件（PDF/Word/Excel/MP4）', 'Upload (PDF/Word/Excel/MP4)')}</Button>
        </Upload>
      )}
    </div>
  );
}
