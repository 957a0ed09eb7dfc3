// 事故调查: the team, direct and indirect causes, management gaps and responsibility findings, the report's
// due day (60 days, one extension of at most 60) and the 批复 due day once the report is submitted.
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Spin, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { Investigation } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyApiErrors } from '../../components/apiErrors';
import { validValues } from '../../components/validValues';

interface Values {
  team: { name: string; organisation?: string; role?: string }[];
  directCauses?: string;
  indirectCauses?: string;
  managementGaps?: string;
  responsibilityFindings?: string;
  reportSubmittedOn?: Dayjs | null;
  approvedOn?: Dayjs | null;
}

const GOVERNMENT: Record<Investigation['authority']['government'], [string, string]> = {
  state_council: ['国务院或其授权部门', 'State Council or its delegate'],
  province: ['省级人民政府', 'Provincial government'],
  city: ['设区的市级人民政府', 'City government'],
  county: ['县级人民政府', 'County government'],
};
const STATUS: Record<Investigation['status'], [string, string, string]> = {
  not_started: ['未开始', 'Not started', 'default'],
  in_progress: ['调查中', 'In progress', 'processing'],
  reported: ['报告已提交', 'Report submitted', 'warning'],
  approved: ['已批复', 'Approved', 'success'],
};

export function InvestigationWorkspace() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [ext, setExt] = useState(false);
  const [extForm] = Form.useForm<{ days: number; reason: string }>();
  const q = useQuery({
    queryKey: ['investigation', id],
    queryFn: () => call('GET /api/accidents/:id/investigation', { params: { id: id! } }),
  });
  const inv = q.data;
  useEffect(() => {
    if (!inv) return;
    form.setFieldsValue({
      team: inv.team.map((m) => ({ name: m.name, organisation: m.organisation ?? undefined, role: m.role ?? undefined })),
      directCauses: inv.directCauses ?? undefined,
      indirectCauses: inv.indirectCauses ?? undefined,
      managementGaps: inv.managementGaps ?? undefined,
      responsibilityFindings: inv.responsibilityFindings ?? undefined,
      reportSubmittedOn: inv.reportSubmittedOn ? dayjs(inv.reportSubmittedOn) : null,
      approvedOn: inv.approvedOn ? dayjs(inv.approvedOn) : null,
    });
  }, [inv, form]);
  if (q.isLoading || !inv) return <Spin style={{ margin: 48 }} />;
  const readOnly = !inv.abilities.includes('save');
  const saved = (next: Investigation) => {
    qc.setQueryData(['investigation', id], next);
    message.success(t('已保存', 'Saved'));
  };
  const save = async (v: Values) => {
    try {
      saved(
        await call('PUT /api/accidents/:id/investigation', {
          params: { id: id! },
          body: {
            ...(inv.version !== null ? { version: inv.version } : {}),
            team: (v.team ?? []).filter((m) => m?.name),
            directCauses: v.directCauses || null,
            indirectCauses: v.indirectCauses || null,
            managementGaps: v.managementGaps || null,
            responsibilityFindings: v.responsibilityFindings || null,
            reportSubmittedOn: v.reportSubmittedOn ? v.reportSubmittedOn.format('YYYY-MM-DD') : null,
            approvedOn: v.approvedOn ? v.approvedOn.format('YYYY-MM-DD') : null,
          },
        }),
      );
    } catch (e) {
      const rest = applyApiErrors(form, e);
      if (rest) message.error(rest);
    }
  };
  const extend = async () => {
    const v = await validValues(extForm);
    if (!v) return;
    try {
      saved(await call('POST /api/accidents/:id/investigation/extension', { params: { id: id! }, body: { version: inv.version!, ...v } }));
      setExt(false);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const [zh, en, colour] = STATUS[inv.status];
  const text = (name: keyof Values, zhLabel: string, enLabel: string) => (
    <Form.Item name={name} label={t(zhLabel, enLabel)}>
      <Input.TextArea rows={3} maxLength={8000} disabled={readOnly} />
    </Form.Item>
  );
  return (
    <Card
      title={
        <Space>
          {t('事故调查', 'Accident investigation')}
          <Tag color={colour}>{t(zh, en)}</Tag>
        </Space>
      }
      extra={<Button onClick={() => navigate(`/accidents/${id}`)}>{t('返回事故', 'Back to the accident')}</Button>}
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('组织调查', 'Investigated by')}>
          {t(...GOVERNMENT[inv.authority.government])}
          {inv.authority.mayEntrustUnit ? t('（可委托事故发生单位）', ' (may entrust the unit)') : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('调查报告期限', 'Report due')}>
          {inv.reportDue} {inv.extensionDays > 0 && t(`（已延长${inv.extensionDays}日）`, ` (extended ${inv.extensionDays} days)`)}
          {inv.reportOverdue && <Tag color="red">{t('已逾期', 'Overdue')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('批复期限', 'Approval due')}>
          {inv.approvalDue ?? t('报告提交后起算', 'Runs from the report’s submission')}
          {inv.approvalOverdue && <Tag color="red">{t('已逾期', 'Overdue')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      {inv.extensionReason && (
        <Alert style={{ marginBottom: 12 }} message={t(`延期理由：${inv.extensionReason}`, `Extension: ${inv.extensionReason}`)} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={save}>
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <Form.Item label={t('调查组成员', 'Investigation team')}>
              {fields.map((f) => (
                <Space key={f.key} wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true }]}>
                    <Input placeholder={t('姓名', 'Name')} disabled={readOnly} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'organisation']} noStyle>
                    <Input placeholder={t('单位', 'Organisation')} disabled={readOnly} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} noStyle>
                    <Input
                      placeholder={t('职务（组长/成员/专家）', 'Role (lead/member/expert)')}
                      disabled={readOnly}
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                  {!readOnly && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              {!readOnly && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  {t('添加成员', 'Add a member')}
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        {text('directCauses', '直接原因', 'Direct causes')}
        {text('indirectCauses', '间接原因', 'Indirect causes')}
        {text('managementGaps', '管理漏洞', 'Management gaps')}
        {text('responsibilityFindings', '责任认定及处理建议', 'Responsibility findings')}
        <Space wrap>
          <Form.Item name="reportSubmittedOn" label={t('调查报告提交日期', 'Report submitted on')}>
            <DatePicker disabled={readOnly} />
          </Form.Item>
          <Form.Item name="approvedOn" label={t('批复日期', 'Approved on')}>
            <DatePicker disabled={readOnly} />
          </Form.Item>
        </Space>
        {!readOnly && (
          <Space>
            <Button type="primary" htmlType="submit">
              {t('保存', 'Save')}
            </Button>
            {inv.abilities.includes('extend') && inv.version !== null && (
              <Button onClick={() => setExt(true)}>{t('申请延期', 'Extend the deadline')}</Button>
            )}
          </Space>
        )}
      </Form>
      <Modal
        open={ext}
        title={t('延长调查报告提交期限（仅一次，最长60日）', 'Extend the report deadline (once, at most 60 days)')}
        onOk={extend}
        onCancel={() => setExt(false)}
        destroyOnHidden
      >
        <Form form={extForm} layout="vertical" preserve={false}>
          <Form.Item name="days" label={t('延长天数', 'Days')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
          <Form.Item name="reason" label={t('理由及批准情况', 'Reason and approval')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
