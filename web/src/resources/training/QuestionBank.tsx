// 题库 for the district bureau: questions by topic and type with the posts they are for, their options and answer;
// add a question, switch one off. Papers draw from the active ones at random by rule (组卷: PaperBuilder).
import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { personPostLabels, personPosts, questionTypeLabels, questionTypes, type PersonPost, type QuestionType } from '@anjian/contracts';
import { call } from '../../api/client';
import { useCommand, useList, useRefresh } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { PaperBuilder } from './PaperBuilder';

interface QuestionForm {
  topic: string;
  type: QuestionType;
  roles: PersonPost[];
  stem: string;
  options: string;
  answer: string;
}

export function QuestionBank() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const refresh = useRefresh();
  const [page, setPage] = useState(1);
  const q = useList('GET /api/exam/questions', { query: { page, pageSize: 20 } });
  const papers = useList('GET /api/exam/papers', { query: { pageSize: 20 } });
  // The topics a paper rule can draw from: those of the bank's first 200 questions (a topic can also be typed).
  const bank = useList('GET /api/exam/questions', { query: { page: 1, pageSize: 200 } });
  const topics = [...new Set((bank.data?.items ?? []).map((x) => x.topic))].sort();
  const create = useCommand('POST /api/exam/questions', ['GET /api/exam/questions'], () => message.success(t('已加入题库', 'Added')));
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title={t('题库与试卷', 'Question bank and papers')}>
      <Form<QuestionForm>
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ type: 'single', roles: [] }}
        onFinish={(v) =>
          create.mutate({
            body: {
              areaCode: user!.areaCode!,
              topic: v.topic,
              type: v.type,
              roles: v.roles,
              stem: v.stem,
              options:
                v.type === 'true_false'
                  ? ['正确', '错误']
                  : v.options
                      .split('\n')
                      .map((s) => s.trim())
                      .filter(Boolean),
              answer: v.answer
                .split(/[,，\s]+/)
                .filter(Boolean)
                .map((s) => s.toUpperCase().charCodeAt(0) - 65),
            },
          })
        }
      >
        <Space wrap>
          <Form.Item name="topic" label={t('主题', 'Topic')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="type" label={t('题型', 'Type')}>
            <Select style={{ width: 140 }} options={questionTypes.map((k) => ({ value: k, label: label(questionTypeLabels[k]) }))} />
          </Form.Item>
          <Form.Item name="roles" label={t('适用岗位', 'For posts')}>
            <Select
              mode="multiple"
              style={{ minWidth: 200 }}
              options={personPosts.map((k) => ({ value: k, label: label(personPostLabels[k]) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="stem" label={t('题干', 'Question')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="options" label={t('选项（每行一个；判断题可不填）', 'Options (one per line; none for true/false)')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="answer" label={t('答案（字母，如 A 或 A,C）', 'Answer (letters, e.g. A or A,C)')} rules={[{ required: true }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('加入题库', 'Add')}
        </Button>
      </Form>
      {create.error && <ErrorDisplay error={create.error} />}
      {error ? <ErrorDisplay error={error} /> : null}
      {q.error && <ErrorDisplay error={q.error} />}
      <Table
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        data-testid="question-bank"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 760 }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage }}
        columns={[
          { title: t('主题', 'Topic'), dataIndex: 'topic' },
          { title: t('题型', 'Type'), render: (_, r) => label(questionTypeLabels[r.type]) },
          { title: t('题干', 'Question'), dataIndex: 'stem', ellipsis: true },
          { title: t('答案', 'Answer'), render: (_, r) => r.answer.map((i) => String.fromCharCode(65 + i)).join(',') },
          { title: t('岗位', 'Posts'), render: (_, r) => r.roles.map((p) => <Tag key={p}>{label(personPostLabels[p])}</Tag>) },
          {
            title: t('启用', 'Active'),
            render: (_, r) => (
              <Switch
                size="small"
                checked={r.active}
                onChange={(active) => {
                  const { id, areaCode: _a, ...rest } = r;
                  call('PUT /api/exam/questions/:id', { params: { id }, body: { ...rest, active } }).then(
                    () => refresh('GET /api/exam/questions'),
                    setError,
                  );
                }}
              />
            ),
          },
        ]}
      />
      <Card size="small" title={t('试卷', 'Papers')} style={{ marginTop: 16 }}>
        {papers.error && <ErrorDisplay error={papers.error} />}
        <Table
          rowKey="id"
          size="small"
          dataSource={papers.data?.items}
          pagination={false}
          columns={[
            { title: t('试卷', 'Paper'), dataIndex: 'title' },
            { title: t('题数', 'Questions'), dataIndex: 'questionCount' },
            { title: t('时限（分钟）', 'Minutes'), dataIndex: 'durationMinutes' },
            { title: t('及格/满分', 'Pass / full'), render: (_, p) => `${p.passMark} / ${p.maxScore}` },
            { title: t('学时', 'Hours'), dataIndex: 'hours' },
          ]}
        />
      </Card>
      <PaperBuilder topics={topics} />
    </Card>
  );
}
