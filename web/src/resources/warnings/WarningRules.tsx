// 警兆知识库: the area's early-warning rules. A rule shows its versions (draft / active / retired); a draft is
// backtested (per month, side by side with the active version) before it is activated; editing drafts a new version.
import { useState } from 'react';
import { App, Button, Card, Collapse, Descriptions, Modal, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Form } from 'antd';
import { warningConditionLabels, warningLevelLabels, type RuleVersionView, type WarningRuleView } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useList, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay, errorText } from '../../components/ErrorDisplay';
import { applyApiErrors } from '../../components/apiErrors';
import { Backtest } from './Backtest';
import { RuleForm, ruleBody, type RuleFormValues } from './RuleForm';
import { levelColors, recipientLabels, versionStatusLabels } from './labels';
import { validValues } from '../../components/validValues';

export function WarningRules() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [editing, setEditing] = useState<{ rule: WarningRuleView | null } | null>(null);
  const [backtest, setBacktest] = useState<string | null>(null);
  const [form] = Form.useForm<RuleFormValues>();
  const list = useList('GET /api/warning-rules', { query: page });

  const open = (rule: WarningRuleView | null, from?: RuleVersionView) => {
    form.resetFields();
    if (from)
      form.setFieldsValue({
        kind: from.condition.kind,
        params: from.condition.params as Record<string, number>,
        level: from.level,
        recipients: from.recipients,
        action: from.action,
      });
    setEditing({ rule });
  };
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      if (editing?.rule)
        await call('POST /api/warning-rules/:id/versions', {
          params: { id: editing.rule.id },
          body: { version: editing.rule.version, ...ruleBody(v) },
        });
      else await call('POST /api/warning-rules', { body: { name: v.name!, ...ruleBody(v) } });
      setEditing(null);
      await refresh('GET /api/warning-rules');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) await refresh('GET /api/warning-rules');
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const act = async (v: RuleVersionView, action: 'activate' | 'retire') => {
    try {
      await call('POST /api/warning-rule-versions/:id/act', { params: { id: v.id }, body: { action, version: v.version } });
    } catch (e) {
      message.error(errorText(e));
    }
    await refresh('GET /api/warning-rules');
  };

  return (
    <Card
      title={t('警兆知识库（预警规则）', 'Early-warning rules')}
      extra={
        can('warningRule.manage') && (
          <Button icon={<PlusOutlined />} onClick={() => open(null)} data-testid="rule-new">
            {t('新建规则', 'New rule')}
          </Button>
        )
      }
    >
      <ErrorDisplay error={list.error} />
      <Collapse
        data-testid="rule-list"
        items={(list.data?.items ?? []).map((r) => {
          const active = r.versions.find((v) => v.status === 'active');
          const latest = r.versions[0];
          return {
            key: r.id,
            label: (
              <Space wrap>
                <b>{r.name}</b>
                {active ? (
                  <>
                    <Tag color={levelColors[active.level]}>{label(warningLevelLabels[active.level])}</Tag>
                    <span>{label(warningConditionLabels[active.condition.kind])}</span>
                  </>
                ) : (
                  <Tag>{t('未启用', 'Not active')}</Tag>
                )}
              </Space>
            ),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {r.abilities.includes('newVersion') && latest && (
                  <Button size="small" onClick={() => open(r, latest)}>
                    {t('修改（新建版本）', 'Edit (new version)')}
                  </Button>
                )}
                <Table<RuleVersionView>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={r.versions}
                  scroll={{ x: 720 }}
                  columns={[
                    { title: t('版本', 'Version'), dataIndex: 'seq', width: 60, render: (s: number) => `v${s}` },
                    {
                      title: t('状态', 'Status'),
                      dataIndex: 'status',
                      width: 90,
                      render: (s: string) => <Tag color={s === 'active' ? 'green' : undefined}>{label(versionStatusLabels[s])}</Tag>,
                    },
                    {
                      title: t('条件', 'Condition'),
                      render: (_, v) => (
                        <Descriptions size="small" column={1}>
                          <Descriptions.Item label={label(warningConditionLabels[v.condition.kind])}>
                            {Object.entries(v.condition.params)
                              .map(([k, n]) => `${k}=${n}`)
                              .join(t('，', ', '))}
                          </Descriptions.Item>
                          <Descriptions.Item label={t('接收', 'To')}>
                            {v.recipients.map((g) => label(recipientLabels[g])).join(t('、', ', '))}
                          </Descriptions.Item>
                          <Descriptions.Item label={t('措施', 'Action')}>{v.action}</Descriptions.Item>
                        </Descriptions>
                      ),
                    },
                    {
                      title: t('级别', 'Level'),
                      dataIndex: 'level',
                      width: 80,
                      render: (l: RuleVersionView['level']) => <Tag color={levelColors[l]}>{label(warningLevelLabels[l])}</Tag>,
                    },
                    {
                      title: t('操作', 'Actions'),
                      width: 180,
                      render: (_, v) => (
                        <Space>
                          <a onClick={() => setBacktest(v.id)}>{t('回测', 'Backtest')}</a>
                          {v.abilities.includes('activate') && <a onClick={() => act(v, 'activate')}>{t('启用', 'Activate')}</a>}
                          {v.abilities.includes('retire') && <a onClick={() => act(v, 'retire')}>{t('停用', 'Retire')}</a>}
                        </Space>
                      ),
                    },
                  ]}
                />
                {backtest && r.versions.some((v) => v.id === backtest) && <Backtest versionId={backtest} />}
              </Space>
            ),
          };
        })}
      />
      <Modal
        open={editing !== null}
        title={editing?.rule ? t(`新建版本：${editing.rule.name}`, `New version: ${editing.rule.name}`) : t('新建预警规则', 'New rule')}
        onCancel={() => setEditing(null)}
        onOk={save}
        width={600}
      >
        <RuleForm form={form} withName={!editing?.rule} />
      </Modal>
      {list.data && list.data.total > page.pageSize && (
        <Space style={{ marginTop: 12 }}>
          <Button disabled={page.page === 1} onClick={() => setPage({ ...page, page: page.page - 1 })}>
            {t('上一页', 'Previous')}
          </Button>
          <Button disabled={page.page * page.pageSize >= list.data.total} onClick={() => setPage({ ...page, page: page.page + 1 })}>
            {t('下一页', 'Next')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
