// 组卷: a paper is rules, not a fixed list — per topic and question type, how many questions to draw from the active
// bank and how many points each is worth; every attempt draws its own questions (create-paper.ts checks the bank
// holds enough for every rule). The full mark is the sum of the rules, shown as they are typed.
import { App, AutoComplete, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { questionTypeLabels, questionTypes, type PaperRule } from '@anjian/contracts';
import { useCommand } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { ErrorDisplay } from '../../components/ErrorDisplay';

interface PaperForm {
  title: string;
  rules: PaperRule[];
  durationMinutes: number;
  passMark: number;
  maxAttempts: number;
  hours: number;
}

export function PaperBuilder({ topics }: { topics: string[] }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [form] = Form.useForm<PaperForm>();
  const rules = Form.useWatch('rules', form) ?? [];
  const fullMark = rules.reduce((sum, r) => sum + (r?.count ?? 0) * (r?.points ?? 0), 0);
  const create = useCommand('POST /api/exam/papers', ['GET /api/exam/papers'], () => {
    message.success(t('试卷已生成', 'Paper created'));
    form.resetFields();
  });
  return (
    <Card size="small" title={t('组卷', 'New paper')} style={{ marginTop: 16 }} data-testid="paper-builder">
      <Form<PaperForm>
        form={form}
        layout="vertical"
        initialValues={{ rules: [{ type: 'single', count: 5, points: 10 }], durationMinutes: 30, passMark: 60, maxAttempts: 2, hours: 2 }}
        onFinish={(v) => create.mutate({ body: { ...v, areaCode: user!.areaCode! } })}
      >
        <Form.Item name="title" label={t('试卷名称', 'Title')} rules={[{ required: true }]} style={{ maxWidth: 480 }}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Text strong>
          {t('抽题规则（每次考试按规则随机抽题）', 'Draw rules (each attempt draws its own questions)')}
        </Typography.Text>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[f.name, 'topic']} rules={[{ required: true }]} noStyle>
                    <AutoComplete
                      style={{ width: 180 }}
                      placeholder={t('主题', 'Topic')}
                      options={topics.map((x) => ({ value: x }))}
                      filterOption={(input, o) => String(o?.value ?? '').includes(input)}
                      aria-label={t('主题', 'Topic')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'type']} rules={[{ required: true }]} noStyle>
                    <Select
                      style={{ width: 120 }}
                      aria-label={t('题型', 'Type')}
                      options={questionTypes.map((k) => ({ value: k, label: label(questionTypeLabels[k]) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'count']} rules={[{ required: true }]} noStyle>
                    <InputNumber min={1} max={100} addonAfter={t('题', 'Qs')} style={{ width: 110 }} aria-label={t('题数', 'Questions')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'points']} rules={[{ required: true }]} noStyle>
                    <InputNumber
                      min={1}
                      max={100}
                      addonAfter={t('分/题', 'pts each')}
                      style={{ width: 130 }}
                      aria-label={t('每题分值', 'Points each')}
                    />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('删除规则', 'Remove rule')} />}
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginTop: 8 }}
                disabled={fields.length >= 20}
                onClick={() => add({ type: 'single', count: 5, points: 10 })}
              >
                {t('添加规则', 'Add a rule')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid="paper-full-mark">
          {t(`满分 ${fullMark} 分`, `Full mark ${fullMark}`)}
        </Typography.Paragraph>
        <Space wrap>
          <Form.Item name="durationMinutes" label={t('时限（分钟）', 'Minutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={240} />
          </Form.Item>
          <Form.Item name="passMark" label={t('及格分', 'Pass mark')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
          <Form.Item name="maxAttempts" label={t('可考次数', 'Attempts')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item name="hours" label={t('合格计学时', 'Hours credited')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('生成试卷', 'Create paper')}
          </Button>
        </div>
      </Form>
      {create.error && <ErrorDisplay error={create.error} />}
    </Card>
  );
}
