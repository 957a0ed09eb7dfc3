// A unit's visits (for the street) and one visit as a notice links to it: check-in, distance, checklist, notes,
// photos and information reports.
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Card, Descriptions, Image, List, Result, Skeleton, Space, Tag } from 'antd';
import { gridChecklistLabels, gridInfoKindLabels, type GridChecklistKey, type GridVisitView } from '@anjian/contracts';
import { ApiError } from '../../api/client';
import { useList, useRecord } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { cstDateTime } from '../../app/time';

export function VisitList() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const enterpriseId = params.get('enterpriseId') ?? undefined;
  const list = useList('GET /api/grid/visits', { query: { enterpriseId, page: 1, pageSize: 50 } });
  return (
    <Card title={t('巡查记录', 'Visits')}>
      <List<GridVisitView>
        loading={list.isLoading}
        dataSource={list.data?.items}
        renderItem={(v) => (
          <List.Item>
            <Link to={`/grid/visits/${v.id}`}>
              {cstDateTime(v.checkedInAt)} · {v.enterpriseName} · {v.inspectorName}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function VisitShow() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const q = useRecord('GET /api/grid/visits/:id', { params: { id: id! } });
  if (q.isLoading) return <Skeleton active />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title="404" subTitle={t('记录不存在', 'No such record')} />;
  if (!q.data) return <Alert type="error" message={String(q.error)} />;
  const v = q.data;
  const result = { ok: t('正常', 'OK'), problem: t('有问题', 'Problem'), na: t('不涉及', 'N/A') };
  return (
    <Card title={`${t('巡查记录', 'Visit')} · ${v.enterpriseName ?? ''}`}>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('网格员', 'Inspector')}>{v.inspectorName}</Descriptions.Item>
        <Descriptions.Item label={t('签到时间', 'Checked in')}>{cstDateTime(v.checkedInAt)}</Descriptions.Item>
        <Descriptions.Item label={t('距单位位置', 'Distance from the unit')}>
          {v.distanceM === null ? '—' : `${v.distanceM} m`}
        </Descriptions.Item>
        <Descriptions.Item label={t('劝导制止', 'Advice given')}>{v.notes ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('检查项目', 'Checklist')} span={2}>
          <Space wrap>
            {Object.entries(v.checklist).map(([k, r]) => (
              <Tag key={k} color={r === 'problem' ? 'red' : r === 'ok' ? 'green' : 'default'}>
                {label(gridChecklistLabels[k as GridChecklistKey] ?? { zh: k, en: k })}: {result[r]}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        {v.infoReports.length > 0 && (
          <Descriptions.Item label={t('信息报告', 'Information reports')} span={2}>
            {v.infoReports.map((r) => (
              <div key={r.id}>
                <Tag>{label(gridInfoKindLabels[r.kind])}</Tag>
                {r.description}
              </div>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap style={{ marginTop: 12 }}>
        {v.attachments.map((a) => (
          <Image
            key={a.id}
            src={`/api/files/${a.id}/thumbnail`}
            preview={{ src: `/api/files/${a.id}` }}
            width={96}
            height={96}
            style={{ objectFit: 'cover' }}
          />
        ))}
      </Space>
    </Card>
  );
}
