// Create or edit a checklist template: whom it applies to (one sector, one special hazard tag, or everyone),
// whose task its items join (and so how often they are checked), and the ordered items.
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { hazardTagLabels, responsibleLevelLabels, sectorLabels, type CheckTemplate } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { optionsOf } from '../enterprises/labels';
import { validValues } from '../../components/validValues';

export interface TemplateFormProps {
  /** undefined: closed; null: new template. */
  template: CheckTemplate | null | undefined;
  onClose(saved: boolean): void;
}

export function TemplateForm({ template, onClose }: TemplateFormProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (template === undefined) return;
    form.setFieldsValue(
      template ?? { name: '', sector: null, hazardTag: null, checkLevel: 'department', active: true, items: [{ content: '' }] },
    );
  }, [template, form]);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      name: v.name,
      sector: v.sector ?? null,
      hazardTag: v.hazardTag ?? null,
      checkLevel: v.checkLevel,
      active: v.active,
      items: (v.items as { id?: string; content: string; basis?: string | null }[]).map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        content: i.content,
        basis: i.basis || null,
      })),
    };
    setSaving(true);
    try {
      if (template)
        await call('PUT /api/check-templates/:id', { params: { id: template.id }, body: { ...body, version: template.version } });
      else await call('POST /api/check-templates', { body });
      message.success(t('已保存', 'Saved'));
      onClose(true);
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={template !== undefined}
      width={720}
      title={template ? t('编辑排查清单', 'Edit checklist') : t('新建排查清单', 'New checklist')}
      onCancel={() => onClose(false)}
      onOk={save}
      confirmLoading={saving}
      destroyOnClose
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="sector"
            label={t('适用行业', 'Sector')}
            extra={t('行业与专项标签二选一，都不选为通用', 'Sector or tag; neither = everyone')}
          >
            <Select allowClear style={{ width: 200 }} options={optionsOf(sectorLabels, label)} />
          </Form.Item>
          <Form.Item name="hazardTag" label={t('专项风险标签', 'Special hazard tag')}>
            <Select allowClear style={{ width: 200 }} options={optionsOf(hazardTagLabels, label)} />
          </Form.Item>
          <Form.Item name="checkLevel" label={t('排查层级', 'Checked by')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={optionsOf(responsibleLevelLabels, label)} />
          </Form.Item>
          <Form.Item name="active" label={t('启用', 'Active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.List name="items">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }} wrap>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'content']} rules={[{ required: true, max: 500 }]} style={{ width: 360 }}>
                    <Input.TextArea rows={1} autoSize placeholder={`${i + 1}. ${t('检查内容', 'What to check')}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'basis']} style={{ width: 200 }}>
                    <Input placeholder={t('依据', 'Basis')} maxLength={300} />
                  </Form.Item>
                  <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    ↑
                  </Button>
                  <Button
                    size="small"
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    onClick={() => remove(f.name)}
                    aria-label={t('删除', 'Remove')}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ content: '' })}>
                {t('添加检查项', 'Add item')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
