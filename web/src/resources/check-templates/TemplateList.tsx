// The district's checklist templates (排查清单): who they apply to, the level that checks them, and their items.
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { hazardTagLabels, responsibleLevelLabels, sectorLabels, type CheckTemplate } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { TemplateForm } from './TemplateForm';

export function TemplateList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<CheckTemplate | null | undefined>(undefined);
  const list = useQuery({ queryKey: ['check-templates'], queryFn: () => call('GET /api/check-templates') });
  const refresh = () => qc.invalidateQueries({ queryKey: ['check-templates'] });
  return (
    <Card
      title={t('排查清单模板', 'Checklist templates')}
      extra={
        can('risk.manageTemplates') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('新建', 'New')}
          </Button>
        )
      }
    >
      <Table<CheckTemplate>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={false}
        scroll={{ x: 700 }}
        expandable={{
          expandedRowRender: (tpl) => (
            <ol style={{ margin: 0 }}>
              {tpl.items.map((i) => (
                <li key={i.id}>
                  {i.content} {i.basis && <Typography.Text type="secondary">{t(`（${i.basis}）`, `(${i.basis})`)}</Typography.Text>}
                </li>
              ))}
            </ol>
          ),
        }}
        columns={[
          { title: t('名称', 'Name'), dataIndex: 'name' },
          {
            title: t('适用于', 'Applies to'),
            render: (_, tpl) =>
              tpl.hazardTag ? (
                <Tag color="volcano">{label(hazardTagLabels[tpl.hazardTag])}</Tag>
              ) : tpl.sector ? (
                <Tag color="blue">{label(sectorLabels[tpl.sector])}</Tag>
              ) : (
                <Tag>{t('通用', 'Everyone')}</Tag>
              ),
          },
          { title: t('排查层级', 'Checked by'), render: (_, tpl) => label(responsibleLevelLabels[tpl.checkLevel]) },
          { title: t('检查项', 'Items'), render: (_, tpl) => tpl.items.length },
          {
            title: t('状态', 'Status'),
            render: (_, tpl) => (tpl.active ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('停用', 'Off')}</Tag>),
          },
          {
            title: t('操作', 'Actions'),
            render: (_, tpl) => (
              <Space size={0}>
                {tpl.abilities.includes('update') && (
                  <Button type="link" size="small" onClick={() => setEditing(tpl)}>
                    {t('编辑', 'Edit')}
                  </Button>
                )}
                {tpl.abilities.includes('delete') && (
                  <Popconfirm
                    title={t('删除该模板？已生成的任务不受影响', 'Delete? Generated tasks keep their items')}
                    onConfirm={async () => {
                      try {
                        await call('DELETE /api/check-templates/:id', { params: { id: tpl.id }, body: { version: tpl.version } });
                        await refresh();
                      } catch (e) {
                        message.error((e as Error).message);
                      }
                    }}
                  >
                    <Button type="link" size="small" danger>
                      {t('删除', 'Delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <TemplateForm
        template={editing}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) void refresh();
        }}
      />
    </Card>
  );
}
