// One hidden danger: its facts, photos, the major-hazard plan and 五落实, the 挂牌督办 panel, the timeline,
// and the buttons the server says this caller may use now (`abilities`).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Image, Result, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { hazardEventValueTables, type HazardDetail } from '@anjian/contracts';
import { call, ApiError } from '../../api/client';
import { useCodeTables } from '../../api/codeTables';
import { useI18n } from '../../app/i18n';
import { HazardActionForm } from './HazardActionForm';
import { HazardTags } from './HazardTags';
import { ListingForm } from './ListingForm';
import { labelIn, useHazardMeta } from './meta';
import { cstDateTime } from '../../app/time';

// Steps that keep the workflow state: 挂牌督办 and re-grading.
const listingSteps = ['list', 'report_progress', 'delist', 'regrade'] as const;
type ListingStep = (typeof listingSteps)[number];

export function HazardShow() {
  const { id } = useParams<{ id: string }>();
  const { t, label } = useI18n();
  const codes = useCodeTables();
  const qc = useQueryClient();
  const meta = useHazardMeta().data;
  const [action, setAction] = useState<string | null>(null);
  const [step, setStep] = useState<ListingStep | null>(null);
  const q = useQuery({ queryKey: ['hazard', id], queryFn: () => call('GET /api/hazards/:id', { params: { id: id! } }), retry: false });
  if (q.isLoading) return <Spin style={{ margin: 48 }} />;
  if (q.error) {
    const nf = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Result
        status={nf ? '404' : 'error'}
        title={nf ? t('隐患不存在或不在您的管辖范围内', 'Not found or outside your jurisdiction') : q.error.message}
      />
    );
  }
  const h = q.data!;
  const done = (updated?: HazardDetail) => {
    setAction(null);
    setStep(null);
    if (updated) qc.setQueryData(['hazard', id], updated);
    void qc.invalidateQueries({ queryKey: ['hazards'] });
  };
  /** A timeline value as words: codes through their table (隐患等级：一般隐患), yes/no, files counted, plans by part. */
  const eventValue = (field: string, v: unknown): string => {
    const table = hazardEventValueTables[field];
    if (table && typeof v === 'string') return codes.label(table, v);
    if (typeof v === 'boolean') return v ? t('是', 'Yes') : t('否', 'No');
    if (Array.isArray(v)) return t(`${v.length} 个附件`, `${v.length} file(s)`);
    if (v && typeof v === 'object')
      return Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== null && x !== undefined && x !== '')
        .map(([part, x]) => `${codes.label('treatmentPlanPart', part)}${t('：', ': ')}${String(x)}`)
        .join(t('；', '; '));
    return String(v);
  };
  const L = (list: { value: string; label: { zh: string; en: string } }[] | undefined, v: string | null) =>
    label(labelIn(list, v)) || v || '—';
  const workflowButtons = h.abilities.filter((a) => !(listingSteps as readonly string[]).includes(a));
  const listingButtons = h.abilities.filter((a): a is ListingStep => (listingSteps as readonly string[]).includes(a));
  return (
    <Card
      title={
        <Space wrap>
          <span>{h.number}</span>
          <HazardTags hazard={h} />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="hazard-actions">
        {workflowButtons.map((a) => (
          <Button
            key={a}
            type={a === 'accept' || a === 'submit_for_acceptance' ? 'primary' : 'default'}
            danger={a === 'reject'}
            onClick={() => setAction(a)}
            data-testid={`action-${a}`}
          >
            {L(meta?.actions, a)}
          </Button>
        ))}
        {listingButtons.map((s) => (
          <Button key={s} onClick={() => setStep(s)} data-testid={`action-${s}`}>
            {codes.label('hazardAction', s)}
          </Button>
        ))}
      </Space>
      <Typography.Paragraph strong style={{ fontSize: 16 }}>
        {h.description}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('企业', 'Enterprise')}>{h.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('区域', 'Area')}>{h.areaName ?? h.areaCode}</Descriptions.Item>
        <Descriptions.Item label={t('部位', 'Location')}>{h.location ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('来源', 'Source')}>{L(meta?.sources, h.source)}</Descriptions.Item>
        <Descriptions.Item label={t('类别', 'Category')}>{L(meta?.categories, h.category)}</Descriptions.Item>
        <Descriptions.Item label={t('可能导致的事故', 'Possible accident')}>
          {h.accidentTypeLabel ? label(h.accidentTypeLabel) : (h.accidentType ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('发现日期', 'Found on')}>{h.foundOn}</Descriptions.Item>
        <Descriptions.Item label={t('整改期限', 'Deadline')}>
          {h.deadline ?? '—'}
          {h.deadlineDays ? ` (${h.deadlineDays}${h.deadlineUnit === 'workday' ? t('个工作日', ' working days') : t('日', ' days')})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('整改责任人', 'Responsible')}>{h.responsiblePerson ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('验收方', 'Signed off by')}>
          {h.acceptor === 'enterprise' ? t('企业自行验收', 'The enterprise') : t('监管部门', 'The regulator')}
        </Descriptions.Item>
        <Descriptions.Item label={t('整改措施', 'Measures')} span={2}>
          {h.measures ?? '—'}
        </Descriptions.Item>
        {h.majorItem && (
          <Descriptions.Item label={t('判定依据', 'Basis')} span={2}>
            令10号 {label(h.majorItem.label)} {h.majorItem.text ?? t('（条文待导入）', '(text not yet imported)')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {h.attachments.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap style={{ marginTop: 12 }} data-testid="hazard-photos">
            {h.attachments.map((f) =>
              f.kind === 'photo' ? (
                <Image
                  key={f.id}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover' }}
                  src={f.thumbnailUrl ?? f.url}
                  preview={{ src: f.url }}
                />
              ) : (
                <a key={f.id} href={f.url}>
                  {f.name}
                </a>
              ),
            )}
          </Space>
        </Image.PreviewGroup>
      )}
      {h.grade === 'major' && (h.missingPlanParts.length > 0 || h.missingImplementations.length > 0) && h.state !== 'closed' && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message={t(
            '重大事故隐患须在申请验收前完成治理方案和“五落实”',
            'A major hidden danger needs its treatment plan and five implementations before acceptance',
          )}
          description={[
            ...h.missingPlanParts.map((p) => `${t('治理方案：', 'Plan: ')}${L(meta?.treatmentPlanParts, p)}`),
            ...h.missingImplementations.map((p) => `${t('五落实：', 'Five implementations: ')}${L(meta?.implementations, p)}`),
          ].join(t('；', '; '))}
        />
      )}
      {h.listing && (
        <Card
          size="small"
          style={{ marginTop: 12 }}
          title={t('挂牌督办', 'Listed supervision')}
          extra={
            <Tag color={h.listing.overdue || h.listing.reviewOverdue ? 'red' : 'blue'}>
              {codes.label('hazardListingStatus', h.listing.status)}
            </Tag>
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('督办单位', 'By')}>{h.listing.supervisingOrgName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('文号', 'Document')}>{h.listing.documentNumber}</Descriptions.Item>
            <Descriptions.Item label={t('要求完成', 'Complete by')}>{h.listing.requiredCompletionDate}</Descriptions.Item>
            <Descriptions.Item label={t('停产治理', 'Production stopped')}>
              {h.listing.stopProduction ? t('是', 'Yes') : t('否', 'No')}
            </Descriptions.Item>
            <Descriptions.Item label={t('申请复查', 'Review applied')}>{h.listing.reviewAppliedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('复查期限', 'Review due')}>{h.listing.reviewDue ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('处理过程', 'Timeline')}
      </Typography.Title>
      <Timeline
        data-testid="hazard-timeline"
        items={h.timeline.map((e) => ({
          color: e.toState === 'closed' ? 'green' : e.action === 'reject' ? 'red' : 'blue',
          children: (
            <div>
              <Typography.Text strong>{codes.label('hazardAction', e.action)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {cstDateTime(e.at)} · {e.actorName ?? ''}
              </Typography.Text>
              {Object.entries(e.evidence)
                .filter(([, v]) => v !== null && v !== undefined && v !== '')
                .map(([k, v]) => (
                  <div key={k} style={{ fontSize: 12 }} data-testid="timeline-field">
                    {codes.label('hazardEventField', k)}
                    {t('：', ': ')}
                    {eventValue(k, v)}
                  </div>
                ))}
              {e.attachments.length > 0 && (
                <Space wrap style={{ marginTop: 4 }}>
                  {e.attachments.map((f) =>
                    f.kind === 'photo' ? (
                      <Image
                        key={f.id}
                        width={56}
                        height={56}
                        style={{ objectFit: 'cover' }}
                        src={f.thumbnailUrl ?? f.url}
                        preview={{ src: f.url }}
                      />
                    ) : (
                      <a key={f.id} href={f.url}>
                        {f.name}
                      </a>
                    ),
                  )}
                </Space>
              )}
            </div>
          ),
        }))}
      />
      <HazardActionForm hazard={h} action={action} onClose={done} />
      <ListingForm hazard={h} step={step} onClose={done} />
    </Card>
  );
}
