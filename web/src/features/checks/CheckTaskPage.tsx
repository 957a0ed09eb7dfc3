// One check on the phone: every item gets 合格 / 不合格; a failed item needs a short description and may carry a
// photo from the rear camera. Submitting opens a hidden danger for each failed item (server side, one transaction).
// Without the `submit` ability (done, missed, or staff) the page shows the recorded results.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Image, Input, List, Radio, Result, Space, Spin, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckTaskItem, HazardFile } from '@anjian/contracts';
import { call, ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { joinMessages } from '../../components/apiErrors';
import { RiskLevelTag } from '../../resources/risks/riskUi';
import { checkTaskStateLabels, periodText, responsibleLevelLabels, stateColour } from './labels';
import { PhotoButton } from './PhotoButton';

interface Draft {
  result?: 'pass' | 'fail';
  note?: string;
  photo?: HazardFile;
}

export function CheckTaskPage() {
  const { id } = useParams<{ id: string }>();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState(false);
  const q = useQuery({
    queryKey: ['check-task', id],
    queryFn: () => call('GET /api/check-tasks/:id', { params: { id: id! } }),
    retry: false,
  });
  if (q.isLoading) return <Spin style={{ margin: 48 }} />;
  if (q.error) {
    const nf = q.error instanceof ApiError && q.error.status === 404;
    return <Result status={nf ? '404' : 'error'} title={nf ? t('任务不存在', 'Task not found') : q.error.message} />;
  }
  const task = q.data!;
  const editable = task.abilities.includes('submit');
  const set = (itemId: string, d: Partial<Draft>) => setDrafts((all) => ({ ...all, [itemId]: { ...all[itemId], ...d } }));
  const missing = task.items.filter((i) => !drafts[i.id]?.result || (drafts[i.id]?.result === 'fail' && !drafts[i.id]?.note?.trim()));
  const submit = async () => {
    setSaving(true);
    try {
      const results = task.items.map((i) => {
        const d = drafts[i.id]!;
        return { itemId: i.id, result: d.result!, note: d.note?.trim() || null, photoId: d.photo?.id ?? null };
      });
      await call('POST /api/check-tasks/:id/submit', { params: { id: task.id }, body: { results } });
      message.success(t('已提交', 'Submitted'));
      setDrafts({});
      await qc.invalidateQueries({ queryKey: ['check-task', id] });
      await qc.invalidateQueries({ queryKey: ['check-tasks'] });
    } catch (e) {
      message.error(e instanceof ApiError ? joinMessages([e.message, ...e.details.map((d) => d.message)]) : String(e));
    } finally {
      setSaving(false);
    }
  };
  const recorded = (i: CheckTaskItem) =>
    i.result === 'pending' ? (
      <Tag>{t('未检查', 'Not checked')}</Tag>
    ) : (
      <Space wrap>
        <Tag color={i.result === 'pass' ? 'success' : 'error'}>{i.result === 'pass' ? t('合格', 'Pass') : t('不合格', 'Fail')}</Tag>
        {i.note && <Typography.Text>{i.note}</Typography.Text>}
        {i.photoId && (
          <Image src={`/api/files/${i.photoId}/thumbnail`} width={56} height={56} preview={{ src: `/api/files/${i.photoId}` }} />
        )}
        {i.hazardId && (
          <Link to={`/hazards/${i.hazardId}`} data-testid="hazard-link">
            {t('查看隐患', 'Open the hidden danger')}
          </Link>
        )}
      </Space>
    );
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {label(responsibleLevelLabels[task.level])}
          <Tag color={stateColour[task.state]}>{label(checkTaskStateLabels[task.state])}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {task.enterpriseName} · {periodText(task)}
        {task.doneByName && ` · ${t('提交人', 'by')} ${task.doneByName}`}
      </Typography.Paragraph>
      {task.state === 'missed' && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} message={t('该任务已过排查期，未完成', 'This check was missed')} />
      )}
      <List<CheckTaskItem>
        dataSource={task.items}
        renderItem={(i, n) => (
          <List.Item data-testid="check-item">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {n + 1}. {i.content}
              </Typography.Text>
              <Space wrap size={4}>
                {i.riskLevel && <RiskLevelTag level={i.riskLevel} />}
                <Typography.Text type="secondary">{[i.unitName, i.eventName].filter(Boolean).join(' · ')}</Typography.Text>
                {i.basis && <Typography.Text type="secondary">{i.basis}</Typography.Text>}
              </Space>
              {editable ? (
                <>
                  <Radio.Group
                    buttonStyle="solid"
                    size="large"
                    value={drafts[i.id]?.result}
                    onChange={(e) => set(i.id, { result: e.target.value })}
                    options={[
                      { value: 'pass', label: t('合格', 'Pass') },
                      { value: 'fail', label: t('不合格', 'Fail') },
                    ]}
                    optionType="button"
                  />
                  {drafts[i.id]?.result === 'fail' && (
                    <>
                      <Input.TextArea
                        data-testid="fail-note"
                        rows={2}
                        maxLength={500}
                        placeholder={t('发现的问题（必填，将登记为隐患）', 'What is wrong (required; becomes a hidden danger)')}
                        value={drafts[i.id]?.note}
                        onChange={(e) => set(i.id, { note: e.target.value })}
                      />
                    </>
                  )}
                  {drafts[i.id]?.result && <PhotoButton value={drafts[i.id]?.photo} onChange={(photo) => set(i.id, { photo })} />}
                </>
              ) : (
                recorded(i)
              )}
            </Space>
          </List.Item>
        )}
      />
      {editable && (
        <Button
          type="primary"
          block
          size="large"
          disabled={missing.length > 0}
          loading={saving}
          onClick={submit}
          data-testid="submit-check"
        >
          {missing.length > 0 ? t(`还有 ${missing.length} 项未完成`, `${missing.length} item(s) left`) : t('提交', 'Submit')}
        </Button>
      )}
    </Card>
  );
}
