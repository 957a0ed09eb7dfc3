// One analysis unit: its risk events (level, assessment, status) with their control measures, the actions the
// server allows on each, and the printable risk notification card.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Empty, Input, List, Popconfirm, Result, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  measureTypeLabels,
  responsibleLevelLabels,
  riskEventStatusLabels,
  riskUnitKindLabels,
  type RiskEvent,
  type RiskMeasure,
} from '@anjian/contracts';
import { call, ApiError, download } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { MeasureForm } from './MeasureForm';
import { RiskEventForm } from './RiskEventForm';
import { RiskLevelTag } from './riskUi';

function assessmentText(e: RiskEvent): string {
  const a = e.assessment;
  if (!a) return '—';
  return a.method === 'lec' ? `LEC: ${a.l} × ${a.e} × ${a.c} = ${a.d}` : `LS: ${a.l} × ${a.s} = ${a.r}`;
}

export function RiskUnitShow() {
  const { id } = useParams<{ id: string }>();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<RiskEvent | null | undefined>(undefined);
  const [measure, setMeasure] = useState<{ eventId: string; measure: RiskMeasure | null } | undefined>(undefined);
  const [closeReason, setCloseReason] = useState('');
  const q = useQuery({
    queryKey: ['risk-unit', id],
    queryFn: () => call('GET /api/risk-units/:id', { params: { id: id! } }),
    retry: false,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['risk-unit', id] });
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  if (q.isLoading) return <Spin style={{ margin: 48 }} />;
  if (q.error) {
    const nf = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Result
        status={nf ? '404' : 'error'}
        title={nf ? t('风险点不存在或不在您的管辖范围', 'Not found or outside your jurisdiction') : q.error.message}
      />
    );
  }
  const u = q.data!;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap style={{ whiteSpace: 'normal' }}>
            {u.name}
            <RiskLevelTag level={u.level} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/risk-units/${u.id}/card.docx`).catch((e) => message.error(e.message))}
              data-testid="card-download"
            >
              {t('风险告知卡', 'Risk card')}
            </Button>
            {u.abilities.includes('delete') && (
              <Popconfirm
                title={t('删除该风险点及其全部风险事件？', 'Delete this unit and all its events?')}
                onConfirm={() =>
                  act(
                    async () => (
                      await call('DELETE /api/risk-units/:id', { params: { id: u.id }, body: { version: u.version } }),
                      navigate(-1)
                    ),
                  )
                }
              >
                <Button danger>{t('删除', 'Delete')}</Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('企业', 'Enterprise')}>{u.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('类型', 'Kind')}>{label(riskUnitKindLabels[u.kind])}</Descriptions.Item>
          <Descriptions.Item label={t('位置', 'Location')}>{u.location ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('应急电话', 'Emergency phone')}>{u.emergencyPhone ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('风险事件', 'Risk events')}
        extra={
          u.abilities.includes('addEvent') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="add-event">
              {t('新增', 'Add')}
            </Button>
          )
        }
      >
        {u.events.length === 0 && <Empty description={t('暂无风险事件', 'No risk events')} />}
        {u.events.map((e) => (
          <Card
            key={e.id}
            type="inner"
            size="small"
            style={{ marginBottom: 12, opacity: e.status === 'closed' ? 0.6 : 1 }}
            data-testid="risk-event"
            title={
              // Card titles ellipsize by default; a phone must still show the whole event.
              <Space wrap style={{ whiteSpace: 'normal', padding: '4px 0' }}>
                <RiskLevelTag level={e.level} />
                {e.name}
                {e.status === 'closed' && <Tag>{label(riskEventStatusLabels.closed)}</Tag>}
              </Space>
            }
            actions={
              e.abilities.length > 0
                ? [
                    <Space key="actions" size={0} wrap>
                      {e.abilities.includes('assess') && (
                        <Button type="link" size="small" onClick={() => setEditing(e)}>
                          {t('编辑/评价', 'Edit / assess')}
                        </Button>
                      )}
                      {e.abilities.includes('close') && (
                        <Popconfirm
                          title={<Input placeholder={t('消除原因', 'Why it is gone')} onChange={(ev) => setCloseReason(ev.target.value)} />}
                          onConfirm={() =>
                            act(() =>
                              call('POST /api/risk-events/:id/close', {
                                params: { id: e.id },
                                body: {
                                  version: e.version,
                                  reason: closeReason || t('已消除', 'Eliminated'),
                                },
                              }),
                            )
                          }
                        >
                          <Button type="link" size="small">
                            {t('消除', 'Close')}
                          </Button>
                        </Popconfirm>
                      )}
                      {e.abilities.includes('reopen') && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() =>
                            act(() => call('POST /api/risk-events/:id/reopen', { params: { id: e.id }, body: { version: e.version } }))
                          }
                        >
                          {t('恢复', 'Reopen')}
                        </Button>
                      )}
                      {e.abilities.includes('delete') && (
                        <Popconfirm
                          title={t('删除该风险事件？', 'Delete this event?')}
                          onConfirm={() =>
                            act(() => call('DELETE /api/risk-events/:id', { params: { id: e.id }, body: { version: e.version } }))
                          }
                        >
                          <Button type="link" size="small" danger>
                            {t('删除', 'Delete')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>,
                  ]
                : undefined
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('评价', 'Assessment')}>{assessmentText(e)}</Descriptions.Item>
              <Descriptions.Item label={t('事故类别', 'Accident type')}>{e.accidentType?.label ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('可能后果', 'Consequences')}>{e.consequences ?? '—'}</Descriptions.Item>
              {e.closedReason && <Descriptions.Item label={t('消除原因', 'Closed because')}>{e.closedReason}</Descriptions.Item>}
            </Descriptions>
            <List<RiskMeasure>
              size="small"
              header={
                <Space>
                  <Typography.Text strong>{t('管控措施', 'Control measures')}</Typography.Text>
                  {e.abilities.includes('addMeasure') && (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setMeasure({ eventId: e.id, measure: null })}
                      data-testid="add-measure"
                    >
                      {t('新增', 'Add')}
                    </Button>
                  )}
                </Space>
              }
              dataSource={e.measures}
              renderItem={(m) => (
                <List.Item
                  actions={[
                    ...(m.abilities.includes('update')
                      ? [
                          <Button key="e" type="link" size="small" onClick={() => setMeasure({ eventId: e.id, measure: m })}>
                            {t('编辑', 'Edit')}
                          </Button>,
                        ]
                      : []),
                    ...(m.abilities.includes('delete')
                      ? [
                          <Popconfirm
                            key="d"
                            title={t('删除该措施？', 'Delete?')}
                            onConfirm={() =>
                              act(() => call('DELETE /api/risk-measures/:id', { params: { id: m.id }, body: { version: m.version } }))
                            }
                          >
                            <Button type="link" size="small" danger>
                              {t('删除', 'Delete')}
                            </Button>
                          </Popconfirm>,
                        ]
                      : []),
                  ]}
                >
                  <Space wrap size={4}>
                    <Tag color={m.type === 'emergency' ? 'red' : 'blue'}>{label(measureTypeLabels[m.type])}</Tag>
                    {m.description}
                    <Typography.Text type="secondary">
                      · {label(responsibleLevelLabels[m.responsibleLevel])}
                      {m.responsiblePerson && ` · ${m.responsiblePerson}`}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Card>
      <RiskEventForm
        unitId={u.id}
        event={editing}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) void refresh();
        }}
      />
      <MeasureForm
        eventId={measure?.eventId ?? ''}
        measure={measure?.measure}
        onClose={(saved) => {
          setMeasure(undefined);
          if (saved) void refresh();
        }}
      />
    </Space>
  );
}
