// An enterprise's own 三项岗位 list, phone-first: people as a list of cards, a drawer to add or change a person and to
// record their certificates (special-operations items from the national catalogue; expiry and review dates from the
// rules, computed by the server). Buttons follow each record's `abilities`.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, List, Select, Space, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  certificateKindLabels,
  certificateKinds,
  personPostLabels,
  personPosts,
  type CertificateKind,
  type PersonPost,
  type PersonView,
} from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRecord, useRefresh } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { validValues } from '../../components/validValues';
import { applyApiErrors } from '../../components/apiErrors';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { CertificateStatusTag } from './labels';
import { PeopleImport } from './PeopleImport';

const ymd = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

interface PersonForm {
  name: string;
  idNumber: string;
  phone?: string;
  post: PersonPost;
  postTitle?: string;
  employedFrom: Dayjs;
  employedTo?: Dayjs | null;
}

interface CertForm {
  kind: CertificateKind;
  operationItem?: string;
  itemText?: string;
  number: string;
  issuer: string;
  issuedOn: Dayjs;
  expiresOn?: Dayjs | null;
  reviewedOn?: Dayjs | null;
  reviewExtended?: boolean;
}

export function PeopleManage() {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const list = useList('GET /api/people', { query: { page, pageSize: 20 } });
  return (
    <Card
      title={t('人员与证书', 'People and certificates')}
      extra={
        <Space>
          <PeopleImport />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="person-add">
            {t('添加人员', 'Add')}
          </Button>
        </Space>
      }
    >
      {list.error && <ErrorDisplay error={list.error} />}
      <List<PersonView>
        data-testid="people-list"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage, size: 'small' }}
        renderItem={(p) => (
          <List.Item onClick={() => setOpen(p.id)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={
                <Space wrap>
                  {p.name}
                  <Tag>{label(personPostLabels[p.post])}</Tag>
                  {!p.current && <Tag>{t('已离岗', 'Left')}</Tag>}
                </Space>
              }
              description={`${p.postTitle ?? ''} ${p.phone ?? ''}`}
            />
          </List.Item>
        )}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        width="min(100vw, 560px)"
        destroyOnClose
        title={open === 'new' ? t('添加人员', 'Add a person') : t('人员与证书', 'Person and certificates')}
      >
        {open === 'new' && <PersonEditor onDone={(id) => setOpen(id)} />}
        {open && open !== 'new' && <PersonPanel id={open} />}
      </Drawer>
    </Card>
  );
}

function PersonEditor({ person, onDone }: { person?: PersonView; onDone: (id: string) => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<PersonForm>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      name: v.name,
      idNumber: v.idNumber,
      phone: v.phone || undefined,
      post: v.post,
      postTitle: v.postTitle || undefined,
      employedFrom: ymd(v.employedFrom)!,
      employedTo: ymd(v.employedTo),
    };
    setBusy(true);
    try {
      const r = person
        ? await call('PUT /api/people/:id', { params: { id: person.id }, body: { ...body, version: person.version } })
        : await call('POST /api/people', { body });
      await refresh('GET /api/people', 'GET /api/people/:id');
      message.success(t('已保存', 'Saved'));
      onDone(r.id);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={
        person
          ? {
              ...person,
              postTitle: person.postTitle ?? undefined,
              phone: person.phone ?? undefined,
              employedFrom: dayjs(person.employedFrom),
              employedTo: person.employedTo ? dayjs(person.employedTo) : null,
            }
          : { post: 'special_operator' }
      }
    >
      <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('身份证号', 'ID number')}
        rules={[
          { required: true },
          {
            pattern: /^\d{17}[\dXx]$/,
            message: t('身份证号应为 18 位（最后一位可为 X）', 'An ID number has 18 characters (the last may be X)'),
          },
        ]}
      >
        <Input inputMode="text" maxLength={18} />
      </Form.Item>
      <Form.Item name="phone" label={t('手机', 'Mobile')}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="post" label={t('岗位类别', 'Post')} rules={[{ required: true }]}>
        <Select options={personPosts.map((p) => ({ value: p, label: label(personPostLabels[p]) }))} />
      </Form.Item>
      <Form.Item name="postTitle" label={t('岗位名称', 'Post title')} rules={[{ max: 50 }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="employedFrom" label={t('上岗日期', 'Since')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="employedTo" label={t('离岗日期', 'Left on')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Button type="primary" block loading={busy} onClick={save} data-testid="person-save">
        {t('保存', 'Save')}
      </Button>
    </Form>
  );
}

function PersonPanel({ id }: { id: string }) {
  const { t, label } = useI18n();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const q = useRecord('GET /api/people/:id', { params: { id } });
  if (q.error) return <ErrorDisplay error={q.error} />;
  const p = q.data;
  if (!p) return null;
  if (editing) return <PersonEditor person={p} onDone={() => setEditing(false)} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {p.name} <Tag>{label(personPostLabels[p.post])}</Tag>
      </Typography.Title>
      <Typography.Text>
        {t('身份证号：', 'ID number: ')}
        {p.idNumber}
      </Typography.Text>
      <Typography.Text>
        {t('上岗：', 'Since: ')}
        {p.employedFrom}
        {p.employedTo && ` — ${p.employedTo}`}
      </Typography.Text>
      {p.retraining.map((d) => (
        <Tag key={d.id} color={d.overdue ? 'red' : d.completedOn ? 'green' : 'orange'}>
          {t('事故后复训：', 'Retraining after an accident: ')}
          {d.completedOn ?? `${t('须于', 'by')} ${d.dueOn}`}
        </Tag>
      ))}
      {p.abilities.includes('update') && <Button onClick={() => setEditing(true)}>{t('修改', 'Edit')}</Button>}
      <List
        header={t('证书', 'Certificates')}
        dataSource={p.certificates}
        locale={{ emptyText: t('暂无证书', 'No certificates') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {label(certificateKindLabels[c.kind])}
                  <CertificateStatusTag c={c} />
                </Space>
              }
              description={
                <>
                  <div>{c.itemName}</div>
                  <div>
                    {c.number} · {c.issuer}
                  </div>
                  <div>
                    {t('发证', 'Issued')} {c.issuedOn} · {c.nextReviewOn ? `${t('应复审', 'Review by')} ${c.nextReviewOn} · ` : ''}
                    {t('有效期至', 'Expires')} {c.expiresOn}
                  </div>
                  {c.revokedOn && (
                    <div>
                      {t('吊销', 'Revoked')} {c.revokedOn}
                      {t('：', ': ')}
                      {c.revokeReason}
                    </div>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {p.abilities.includes('addCertificate') &&
        (adding ? (
          <CertificateEditor personId={p.id} onDone={() => setAdding(false)} />
        ) : (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="cert-add">
            {t('登记证书', 'Add a certificate')}
          </Button>
        ))}
    </Space>
  );
}

function CertificateEditor({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<CertForm>();
  const kind = Form.useWatch('kind', form);
  const catalogue = useList('GET /api/certificates/catalogue', {});
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await call('POST /api/people/:id/certificates', {
        params: { id: personId },
        body: {
          kind: v.kind,
          operationItem: v.kind === 'special_operation' ? v.operationItem : undefined,
          itemText: v.itemText || undefined,
          number: v.number,
          issuer: v.issuer,
          issuedOn: ymd(v.issuedOn)!,
          expiresOn: v.kind === 'special_operation' ? undefined : ymd(v.expiresOn),
          reviewedOn: v.kind === 'special_operation' ? ymd(v.reviewedOn) : undefined,
          reviewExtended: v.kind === 'special_operation' ? (v.reviewExtended ?? false) : undefined,
        },
      });
      await refresh('GET /api/people/:id', 'GET /api/certificates');
      onDone();
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'special_operation' }}>
      <Form.Item name="kind" label={t('证书类别', 'Kind')} rules={[{ required: true }]}>
        <Select options={certificateKinds.map((k) => ({ value: k, label: label(certificateKindLabels[k]) }))} />
      </Form.Item>
      {kind === 'special_operation' ? (
        <Form.Item name="operationItem" label={t('作业类别及操作项目', 'Operation item')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(catalogue.data ?? []).map((c) => ({
              label: `${c.code} ${c.name}`,
              options: c.items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })),
            }))}
          />
        </Form.Item>
      ) : (
        <Form.Item name="itemText" label={t('准操项目/行业', 'Item or sector')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="number" label={t('证号', 'Number')} rules={[{ required: true, max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="issuer" label={t('发证机关', 'Issuer')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="issuedOn" label={t('发证日期', 'Issued on')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        {kind === 'special_operation' ? (
          <Form.Item name="reviewedOn" label={t('最近复审日期', 'Last review')}>
            <DatePicker />
          </Form.Item>
        ) : (
          <Form.Item name="expiresOn" label={t('有效期至', 'Expires on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        )}
      </Space>
      {kind === 'special_operation' && (
        <Form.Item
          name="reviewExtended"
          valuePropName="checked"
          label={t('复审延至每6年一次（连续从事本工种10年以上且无违法行为）', 'Review every 6 years (10+ years, clean record)')}
        >
          <Switch />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" loading={busy} onClick={save} data-testid="cert-save">
          {t('保存', 'Save')}
        </Button>
        <Button onClick={onDone}>{t('取消', 'Cancel')}</Button>
      </Space>
    </Form>
  );
}
