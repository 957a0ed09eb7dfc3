// The enterprise's phones are masked for street, grid, park and department officers (server platform/masking.ts);
// this opens them for one enterprise after the officer states why — the reason is kept in the audit log.
import { useState } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import type { RevealedContacts } from '@anjian/contracts';
import { call } from '../../api/client';
import { applyApiErrors } from '../../components/apiErrors';
import { useI18n } from '../../app/i18n';
import { validValues } from '../../components/validValues';

export function RevealContactsButton({ enterpriseId, onRevealed }: { enterpriseId: string; onRevealed: (c: RevealedContacts) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const { reason } = v;
    setBusy(true);
    setError(null);
    try {
      onRevealed(await call('POST /api/enterprises/:id/contacts/reveal', { params: { id: enterpriseId }, body: { reason } }));
      setOpen(false);
      form.resetFields();
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="reveal-contacts">
        {t('查看完整电话', 'Show full numbers')}
      </Button>
      <Modal
        open={open}
        title={t('查看完整联系电话', 'Show the full contact numbers')}
        okText={t('查看', 'Show')}
        cancelText={t('取消', 'Cancel')}
        confirmLoading={busy}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>{t('查看原因将记入审计日志。', 'The reason is recorded in the audit log.')}</p>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('查看原因', 'Reason')}
            rules={[{ required: true, min: 2, max: 200, message: t('请填写查看原因（2–200 字）', 'State the reason (2–200 characters)') }]}
          >
            <Input.TextArea rows={3} maxLength={200} />
          </Form.Item>
          {error && <div style={{ color: '#cf1322' }}>{error}</div>}
        </Form>
      </Modal>
    </>
  );
}
