// Create or edit an account: role, organisation, contact, 执法证号, password (policy enforced by the server).
import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { roleLabels, roles, type User } from '@anjian/contracts';
import { call } from '../../api/client';
import { applyApiErrors } from '../../components/apiErrors';
import { useI18n } from '../../app/i18n';
import { validValues } from '../../components/validValues';

export interface UserFormProps {
  user: User | null;
  open: boolean;
  onClose(saved: boolean): void;
}

export function UserForm({ user, open, onClose }: UserFormProps) {
  const { t, label } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const orgs = useQuery({ queryKey: ['organisations'], queryFn: () => call('GET /api/organisations'), enabled: open });
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      if (user) {
        const { username: _u, password, ...rest } = v;
        await call('PATCH /api/users/:id', {
          params: { id: user.id },
          body: { ...rest, ...(password ? { password } : {}), version: user.version },
        });
      } else {
        await call('POST /api/users', { body: v });
      }
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={user ? t('编辑用户', 'Edit user') : t('新建用户', 'New user')}
      onOk={submit}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnHidden
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={user ? { ...user, password: '' } : { role: 'district_officer' }}>
        <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true }]}>
          <Input disabled={!!user} />
        </Form.Item>
        <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('角色', 'Role')} rules={[{ required: true }]}>
          <Select options={roles.map((r) => ({ value: r, label: label(roleLabels[r]) }))} />
        </Form.Item>
        <Form.Item name="orgId" label={t('所属机构', 'Organisation')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={orgs.isLoading}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('手机号', 'Phone')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="enforcementCertNo"
          label={t('执法证号', 'Enforcement certificate no.')}
          extra={t('执法人员填写，印在其签发的执法文书上', 'For enforcement officers; printed on the documents they sign')}
          normalize={(v: string) => (v === '' ? null : v)}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('重置密码（留空不变）', 'Reset password (blank keeps it)') : t('初始密码', 'Initial password')}
          rules={user ? [] : [{ required: true }]}
          extra={t('至少 8 位，含大小写字母、数字、符号中的 3 类', 'At least 8 characters with 3 of: upper, lower, digit, symbol')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
