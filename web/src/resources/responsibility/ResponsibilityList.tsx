// An enterprise's whole-staff responsibility list (seed 004 §2), phone-first: each post as a card with its duties and
// whether its post letter is signed this year (001 八个一次: 全员岗位安全生产责任书, once a year); a drawer adds or
// changes a post and records a signed letter. Officers open the same list read-only from an enterprise's id.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, List, Progress, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { ResponsibilityPostView } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useRecord, useRefresh } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { validValues } from '../../components/validValues';

type Editing = { mode: 'new' } | { mode: 'edit' | 'sign'; post: ResponsibilityPostView };

export function ResponsibilityList({ enterpriseId }: { enterpriseId?: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const id = enterpriseId ?? user?.enterpriseId ?? '';
  const q = useRecord('GET /api/enterprises/:id/responsibility-posts', { params: { id } }, { enabled: !!id });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm();
  const open = (e: Editing) => {
    form.resetFields();
    if (e.mode === 'edit') form.setFieldsValue({ post: e.post.post, holderName: e.post.holderName, duties: e.post.duties });
    if (e.mode === 'sign') form.setFieldsValue({ signerName: e.post.holderName, signedOn: dayjs() });
    if (e.mode === 'new') form.setFieldsValue({ duties: [''] });
    setEditing(e);
  };
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      if (editing?.mode === 'new')
        await call('POST /api/enterprises/:id/responsibility-posts', {
          params: { id },
          body: { post: v.post, holderName: v.holderName || null, duties: v.duties },
        });
      else if (editing?.mode === 'edit')
        await call('PATCH /api/responsibility-posts/:id', {
          params: { id: editing.post.id },
          body: { version: editing.post.version, post: v.post, holderName: v.holderName || null, duties: v.duties },
        });
      else if (editing?.mode === 'sign')
        await call('POST /api/responsibility-posts/:id/sign', {
          params: { id: editing.post.id },
          body: { version: editing.post.version, signerName: v.signerName, signedOn: v.signedOn.format('YYYY-MM-DD') },
        });
      setEditing(null);
      await refresh('GET /api/enterprises/:id/responsibility-posts');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && editing?.mode !== 'new') {
        message.warning(t('记录已被他人更新，已刷新', 'Someone changed this post; it was reloaded'));
        setEditing(null);
        await refresh('GET /api/enterprises/:id/responsibility-posts');
        return;
      }
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const d = q.data;
  return (
    <Card
      title={t('全员安全生产责任清单', 'Whole-staff responsibility list')}
      extra={
        d?.canAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: 'new' })} data-testid="post-add">
            {t('添加岗位', 'Add post')}
          </Button>
        )
      }
    >
      <ErrorDisplay error={q.error} />
      {d && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Typography.Text data-testid="post-letters-signed">
            {t(`${d.year}年岗位责任书签订：`, `Post letters signed for ${d.year}: `)}
            {/* No post yet, no letter due: not a 0 % that reads as all of them missing. */}
            {d.total ? `${d.signed}/${d.total}` : t('暂无应签', 'None due')}
          </Typography.Text>
          {d.total > 0 && <Progress percent={Math.round((d.signed / d.total) * 100)} size="small" />}
        </Space>
      )}
      <List<ResponsibilityPostView>
        data-testid="post-list"
        loading={q.isLoading}
        dataSource={d?.posts}
        renderItem={(p) => (
          <List.Item
            actions={
              p.abilities.length
                ? [
                    <Button key="e" size="small" onClick={() => open({ mode: 'edit', post: p })}>
                      {t('修改', 'Edit')}
                    </Button>,
                    <Button key="s" size="small" type="primary" onClick={() => open({ mode: 'sign', post: p })} data-testid="post-sign">
                      {t('签订责任书', 'Record letter')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {p.post}
                  {p.holderName && <span>{p.holderName}</span>}
                  {p.letterYear === d?.year ? (
                    <Tag color="success">
                      {t('已签', 'Signed')} {p.letterSignedOn}
                    </Tag>
                  ) : (
                    <Tag color="warning">{t('本年未签', 'Not signed this year')}</Tag>
                  )}
                </Space>
              }
              description={
                <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                  {p.duties.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ol>
              }
            />
          </List.Item>
        )}
      />
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        width="min(100vw, 520px)"
        title={editing?.mode === 'sign' ? t('登记岗位责任书签订', 'Record the signed post letter') : t('岗位职责', 'Post duties')}
        extra={
          <Button type="primary" onClick={save} data-testid="post-save">
            {t('保存', 'Save')}
          </Button>
        }
      >
        <Form form={form} layout="vertical">
          {editing?.mode === 'sign' ? (
            <>
              <Form.Item name="signerName" label={t('签订人', 'Signed by')} rules={[{ required: true }]}>
                <Input data-testid="post-signer" />
              </Form.Item>
              <Form.Item name="signedOn" label={t('签订日期', 'Signed on')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="post" label={t('岗位', 'Post')} rules={[{ required: true }]}>
                <Input data-testid="post-name" />
              </Form.Item>
              <Form.Item name="holderName" label={t('在岗人员（可选）', 'Holder (optional)')}>
                <Input />
              </Form.Item>
              <Form.List name="duties">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f, i) => (
                      <Space key={f.key} align="baseline" style={{ width: '100%' }}>
                        <Form.Item name={f.name} rules={[{ required: true }]} label={`${t('职责', 'Duty')} ${i + 1}`} style={{ flex: 1 }}>
                          <Input.TextArea autoSize data-testid={`post-duty-${i}`} />
                        </Form.Item>
                        {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                      </Space>
                    ))}
                    <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')}>
                      {t('添加职责', 'Add duty')}
                    </Button>
                  </>
                )}
              </Form.List>
            </>
          )}
        </Form>
      </Drawer>
    </Card>
  );
}
