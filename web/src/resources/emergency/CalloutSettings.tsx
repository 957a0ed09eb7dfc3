// 出动队伍配置: the administrator or the district bureau chooses, per incident kind, the rescue team types an incident
// calls out (the nearest team of each type is told). One row per kind; "恢复默认" fills in the documented defaults and
// "保存" saves the table with the version read (409 if someone saved in between). Each save is audited; incidents
// already opened keep the teams they called out.
import { useEffect, useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { incidentKindLabels, incidentKinds, teamTypeLabels, teamTypes, type IncidentKind } from '@anjian/contracts';
import { ApiError } from '../../api/client';
import { useCommand, useList, useRefresh } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay, errorText } from '../../components/ErrorDisplay';
import { changedKinds, emptyKinds, type CalloutTable } from './callout';
import { fmt } from './Duty';

const KEY = 'GET /api/emergency/callout-settings';

export function CalloutSettings() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const q = useList(KEY, {});
  const save = useCommand('PUT /api/emergency/callout-settings', [KEY]);
  const [value, setValue] = useState<CalloutTable | null>(null);
  useEffect(() => {
    if (q.data) setValue(q.data.teamTypes);
  }, [q.data]);
  const d = q.data;
  const unsaved = d && value ? changedKinds(value, d.teamTypes) : [];
  const empty = value ? emptyKinds(value) : [];
  const notDefault = d && value ? changedKinds(value, d.defaults) : [];
  const teamNames = (list: readonly string[]) =>
    list.map((x) => label(teamTypeLabels[x as keyof typeof teamTypeLabels])).join(t('、', ', '));

  const submit = () => {
    if (!d || !value) return;
    save.mutate(
      { body: { teamTypes: value, version: d.version } },
      {
        onSuccess: () => void message.success(t('已保存，新接警起按此配置通知队伍', 'Saved: new incidents call out these teams')),
        onError: (e) => {
          void message.error(errorText(e));
          // Someone saved in between: show the table now in force.
          if (e instanceof ApiError && e.status === 409) void refresh(KEY);
        },
      },
    );
  };

  return (
    <Card title={t('出动队伍配置', 'Call-out team types')} data-testid="callout-settings">
      <ErrorDisplay error={q.error} />
      <Typography.Paragraph type="secondary">
        {t(
          '接警或收到企业快报时，系统按事件类别通知下列类型的救援队伍，每类取离事发地点最近的在岗队伍。修改后点“保存”，此后的接警即按新配置执行，已登记的接警不受影响；每次保存记入审计日志。',
          'When a call or a flash report comes in, the nearest available team of each type listed for its kind is called out. Saved changes apply to incidents recorded from then on, not to earlier ones; every save is audited.',
        )}
      </Typography.Paragraph>
      {d && value && (
        <>
          <Table<{ kind: IncidentKind }>
            rowKey="kind"
            size="middle"
            pagination={false}
            style={{ maxWidth: 960, marginBottom: 16 }}
            dataSource={incidentKinds.map((kind) => ({ kind }))}
            columns={[
              {
                title: t('事件类别', 'Incident kind'),
                width: 200,
                render: (_, r) => (
                  <Space size={4} wrap>
                    {label(incidentKindLabels[r.kind])}
                    {unsaved.includes(r.kind) && <Tag color="orange">{t('未保存', 'Unsaved')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('出动队伍类型', 'Team types called out'),
                render: (_, r) => (
                  <Select
                    mode="multiple"
                    style={{ width: '100%' }}
                    value={value[r.kind]}
                    status={value[r.kind].length === 0 ? 'error' : undefined}
                    placeholder={t('至少选择一种', 'Choose at least one')}
                    onChange={(v) => setValue({ ...value, [r.kind]: v })}
                    options={teamTypes.map((x) => ({ value: x, label: label(teamTypeLabels[x]) }))}
                    data-testid={`callout-${r.kind}`}
                  />
                ),
              },
              {
                title: t('默认', 'Default'),
                width: 220,
                render: (_, r) => (
                  <Typography.Text type={notDefault.includes(r.kind) ? undefined : 'secondary'}>
                    {teamNames(d.defaults[r.kind])}
                  </Typography.Text>
                ),
              },
            ]}
          />
          {empty.length > 0 && (
            <Typography.Paragraph type="danger">
              {t('每类事件至少选择一种出动的救援队伍类型：', 'Choose at least one team type for: ')}
              {empty.map((k) => label(incidentKindLabels[k])).join(t('、', ', '))}
            </Typography.Paragraph>
          )}
          <Space wrap>
            <Button type="primary" loading={save.isPending} disabled={empty.length > 0 || unsaved.length === 0} onClick={submit}>
              {t('保存', 'Save')}
            </Button>
            <Popconfirm
              title={t('将表格恢复为默认配置？保存后生效。', 'Fill in the defaults? They apply once saved.')}
              onConfirm={() => setValue(d.defaults)}
              disabled={notDefault.length === 0}
            >
              <Button disabled={notDefault.length === 0}>{t('恢复默认', 'Reset to defaults')}</Button>
            </Popconfirm>
            <Typography.Text type="secondary">
              {d.configured
                ? [`${t('版本', 'Version')} ${d.version}`, d.updatedByName, d.updatedAt && fmt(d.updatedAt)].filter(Boolean).join(' · ')
                : t('当前为默认配置（见用户手册）', 'The documented defaults apply')}
            </Typography.Text>
          </Space>
        </>
      )}
    </Card>
  );
}
