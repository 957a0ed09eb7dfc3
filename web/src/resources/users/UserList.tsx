// Account administration: server-side paged list, filters, and the actions the server allows.
import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabels, roles, type Role, type User } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { UserForm } from './UserForm';

export function UserList() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const key = ['users', q, role, page];
  const list = useQuery({ queryKey: key, queryFn: () => call('GET /api/users', { query: { q, role, ...page } }) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['users'] });
  const act = async (u: User, body: { status?: User['status'] }, unlock = false) => {
    try {
      if (unlock) await call('POST /api/users/:id/unlock', { params: { id: u.id } });
      else await call('PATCH /api/users/:id', { params: { id: u.id }, body: { version: u.version, ...body } });
      message.success(t('已保存', 'Saved'));
    } catch (e) {
      message.error((e as Error).message);
    }
    refresh();
  };
  return (
    <Card
      title={t('用户管理', 'Users')}
      extra={
        can('user.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('新建', 'New')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={t('用户名或姓名', 'Username or name')}
          allowClear
          onSearch={(v) => (setQ(v), setPage({ ...page, page: 1 }))}
        />
        <Select
          allowClear
          placeholder={t('角色', 'Role')}
          style={{ width: 200 }}
          value={role}
          onChange={(v) => (setRole(v), setPage({ ...page, page: 1 }))}
          options={roles.map((r) => ({ value: r, label: label(roleLabels[r]) }))}
        />
      </Space>
      <Table<User>
        rowKey="id"
        size="middle"
        scroll={{ x: 800 }}
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (r: Role) => label(roleLabels[r]) },
          { title: t('机构', 'Organisation'), dataIndex: 'orgName' },
          {
            title: t('状态', 'Status'),
            render: (_, u) => (
              <Space size={4}>
                {u.status === 'active' ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('停用', 'Disabled')}</Tag>}
                {u.lockedUntil && <Tag color="red">{t('已锁定', 'Locked')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('操作', 'Actions'),
            render: (_, u) => (
              <Space size={0} wrap>
                {u.abilities.includes('update') && (
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    {t('编辑', 'Edit')}
                  </Button>
                )}
                {u.abilities.includes('disable') && (
                  <Button type="link" size="small" danger onClick={() => act(u, { status: 'disabled' })}>
                    {t('停用', 'Disable')}
                  </Button>
                )}
                {u.abilities.includes('enable') && (
                  <Button type="link" size="small" onClick={() => act(u, { status: 'active' })}>
                    {t('启用', 'Enable')}
                  </Button>
                )}
                {u.abilities.includes('unlock') && (
                  <Button type="link" size="small" onClick={() => act(u, {}, true)}>
                    {t('解锁', 'Unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserForm
        open={editing !== undefined}
        user={editing ?? null}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) refresh();
        }}
      />
    </Card>
  );
}
