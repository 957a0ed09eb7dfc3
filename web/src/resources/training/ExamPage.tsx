// 在线考试 for an enterprise's accounts, phone-first: pick the paper and the person taking it, start (the questions
// arrive only now), answer one card per question with the time left shown, submit; the score and the pass come back
// from the server, which alone holds the key. An attempt still running is resumed from the list.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, List, Radio, Result, Select, Space, Tag, Typography } from 'antd';
import { questionTypeLabels, type AttemptView } from '@anjian/contracts';
import { call } from '../../api/client';
import { useList, useRefresh } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay } from '../../components/ErrorDisplay';

export function ExamPage() {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const refresh = useRefresh();
  const papers = useList('GET /api/exam/papers', { query: { pageSize: 50 } });
  const active = useList('GET /api/exam/attempts', { query: { pageSize: 20 } });
  if (attempt && attempt.status === 'active')
    return (
      <Sheet
        attempt={attempt}
        onDone={(a) => {
          setAttempt(a);
          void refresh('GET /api/exam/attempts');
        }}
      />
    );
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 560 }}>
      {attempt && <Score attempt={attempt} onBack={() => setAttempt(null)} />}
      <Card size="small" title={t('在线考试', 'Online exams')}>
        {papers.error && <ErrorDisplay error={papers.error} />}
        <List
          data-testid="exam-papers"
          loading={papers.isLoading}
          dataSource={papers.data?.items}
          renderItem={(p) => (
            <List.Item>
              <StartPaper paper={p} onStarted={setAttempt} />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('考试记录', 'Attempts')}>
        {active.error && <ErrorDisplay error={active.error} />}
        <List
          loading={active.isLoading}
          dataSource={active.data?.items}
          renderItem={(a) => (
            <List.Item
              actions={
                a.status === 'active'
                  ? [
                      <Button
                        key="go"
                        size="small"
                        onClick={() => void call('GET /api/exam/attempts/:id', { params: { id: a.id } }).then(setAttempt)}
                      >
                        {t('继续作答', 'Continue')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space wrap>
                <span>{a.paperTitle}</span>
                <span>{a.personName}</span>
                {a.status === 'submitted' ? (
                  <Tag color={a.passed ? 'green' : 'red'}>{`${a.score} / ${a.maxScore}`}</Tag>
                ) : (
                  <Tag>{a.status === 'active' ? t('进行中', 'In progress') : t('已超时', 'Expired')}</Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

function StartPaper({
  paper,
  onStarted,
}: {
  paper: { id: string; title: string; questionCount: number; durationMinutes: number; passMark: number; maxScore: number };
  onStarted: (a: AttemptView) => void;
}) {
  const { t } = useI18n();
  const people = useList('GET /api/people', { query: { current: true, pageSize: 200 } });
  const [personId, setPersonId] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{paper.title}</Typography.Text>
      <Typography.Text type="secondary">
        {t(
          `${paper.questionCount} 题 · ${paper.durationMinutes} 分钟 · 满分 ${paper.maxScore} · 及格 ${paper.passMark}`,
          `${paper.questionCount} questions · ${paper.durationMinutes} min · ${paper.maxScore} points · pass ${paper.passMark}`,
        )}
      </Typography.Text>
      <Select
        style={{ width: '100%' }}
        placeholder={t('考试人员', 'Who takes it')}
        value={personId}
        onChange={setPersonId}
        options={people.data?.items.map((p) => ({ value: p.id, label: p.name }))}
        data-testid="exam-person"
      />
      {error ? <ErrorDisplay error={error} /> : null}
      <Button
        type="primary"
        block
        size="large"
        disabled={!personId}
        loading={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          call('POST /api/exam/papers/:id/attempts', { params: { id: paper.id }, body: { personId: personId! } })
            .then(onStarted, setError)
            .finally(() => setBusy(false));
        }}
      >
        {t('开始考试', 'Start')}
      </Button>
    </Space>
  );
}

function useSecondsLeft(deadlineAt: string) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);
  return Math.max(0, Math.floor((new Date(deadlineAt).getTime() - now) / 1000));
}

function Sheet({ attempt, onDone }: { attempt: AttemptView; onDone: (a: AttemptView) => void }) {
  const { t, label } = useI18n();
  const { modal } = App.useApp();
  const [choices, setChoices] = useState<Record<string, number[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const left = useSecondsLeft(attempt.deadlineAt);
  const submit = () => {
    setBusy(true);
    setError(null);
    call('POST /api/exam/attempts/:id/submit', {
      params: { id: attempt.id },
      body: { answers: Object.entries(choices).map(([questionId, c]) => ({ questionId, choices: c })) },
    })
      .then(onDone, setError)
      .finally(() => setBusy(false));
  };
  const unanswered = attempt.questions.filter((q) => !choices[q.id]?.length).length;
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 560 }} data-testid="exam-sheet">
      <Alert
        type={left < 60 ? 'warning' : 'info'}
        message={`${attempt.paperTitle} · ${attempt.personName} · ${t('剩余', 'Left')} ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`}
      />
      {attempt.questions.map((q, i) => (
        <Card key={q.id} size="small" title={`${i + 1}. ${label(questionTypeLabels[q.type])} (${q.points})`}>
          <Typography.Paragraph>{q.stem}</Typography.Paragraph>
          {q.type === 'multiple' ? (
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              value={choices[q.id] ?? []}
              onChange={(v) => setChoices((c) => ({ ...c, [q.id]: v as number[] }))}
              options={q.options.map((o, k) => ({ value: k, label: o }))}
            />
          ) : (
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              value={choices[q.id]?.[0]}
              onChange={(e) => setChoices((c) => ({ ...c, [q.id]: [e.target.value as number] }))}
              options={q.options.map((o, k) => ({ value: k, label: o }))}
            />
          )}
        </Card>
      ))}
      {error ? <ErrorDisplay error={error} /> : null}
      <Button
        type="primary"
        size="large"
        block
        loading={busy}
        data-testid="exam-submit"
        onClick={() =>
          unanswered > 0
            ? modal.confirm({ title: t(`还有 ${unanswered} 题未答，确定交卷？`, `${unanswered} unanswered: submit anyway?`), onOk: submit })
            : submit()
        }
      >
        {t('交卷', 'Submit')}
      </Button>
    </Space>
  );
}

function Score({ attempt, onBack }: { attempt: AttemptView; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="exam-result">
      <Result
        status={attempt.passed ? 'success' : 'warning'}
        title={`${t('得分', 'Score')} ${attempt.score} / ${attempt.maxScore}`}
        subTitle={
          attempt.passed
            ? t(`考试合格，结业证明编号 ${attempt.certificateNumber}`, `Passed: completion certificate ${attempt.certificateNumber}`)
            : t(`未达到及格分 ${attempt.passMark}，可再次参加考试`, `Below the pass mark ${attempt.passMark}: you may retake it`)
        }
        extra={<Button onClick={onBack}>{t('返回', 'Back')}</Button>}
      />
    </div>
  );
}
