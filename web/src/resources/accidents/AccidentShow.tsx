// One accident: the record and its level, reports up the chain with timeliness, follow-up duties, and the
// timeline; buttons for what the server says the caller may do.
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sectorLabels } from '@anjian/contracts';
import { call, ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useAccidentCodes } from './codeTables';
import { LevelTag } from './LevelTag';
import { AccidentReports } from './AccidentReports';
import { AccidentTimeline } from './AccidentTimeline';
import { FollowUps } from './FollowUps';
import { cstDateTime } from '../../app/time';

export function AccidentShow() {
  const { id } = useParams<{ id: string }>();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { find, typeLabel, codes } = useAccidentCodes();
  const q = useQuery({ queryKey: ['accident', id], queryFn: () => call('GET /api/accidents/:id', { params: { id: id! } }), retry: false });
  if (q.isLoading) return <Spin style={{ margin: 48 }} />;
  if (q.error || !q.data) {
    const nf = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Result
        status={nf ? '404' : 'error'}
        title={nf ? t('事故不存在或不在您的辖区', 'Not found or outside your jurisdiction') : String(q.error?.message)}
      />
    );
  }
  const a = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: ['accident', id] });
  const reached = a.levelReachedBy
    .map(
      (r) =>
        ({
          deaths: t('死亡（含失踪）', 'deaths'),
          seriousInjuries: t('重伤', 'serious injuries'),
          directLoss: t('直接经济损失', 'direct loss'),
        })[r as 'deaths'],
    )
    .join(t('、', ', '));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space wrap>
            <span>{a.enterpriseName ?? a.unitName ?? t('事故', 'Accident')}</span>
            <LevelTag level={a.level} />
            {reached && <Tag>{t(`依据：${reached}`, `by ${reached}`)}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {a.abilities.includes('update') && (
              <Button type="primary" onClick={() => navigate(`/accidents/${a.id}/edit`)} data-testid="accident-edit">
                {t('修改 / 补报', 'Edit / supplementary report')}
              </Button>
            )}
            <Button onClick={() => navigate(`/accidents/${a.id}/investigation`)}>{t('事故调查', 'Investigation')}</Button>
          </Space>
        }
      >
        <Alert
          style={{ marginBottom: 12 }}
          type={a.canRegrade ? 'info' : 'warning'}
          showIcon
          message={
            a.canRegrade
              ? t(
                  `补报期至${a.supplementaryWindowLastDay}：其间伤亡人数变化将重新定级`,
                  `Supplementary window until ${a.supplementaryWindowLastDay}: casualty changes until then regrade the accident`,
                )
              : t(
                  `补报期已于${a.supplementaryWindowLastDay}届满，等级不再随伤亡变化`,
                  `The supplementary window closed on ${a.supplementaryWindowLastDay}: the level no longer follows casualty changes`,
                )
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('发生时间', 'Time')}>{cstDateTime(a.occurredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('地点', 'Place')}>{`${a.areaName ?? a.areaCode} ${a.address}`}</Descriptions.Item>
          <Descriptions.Item label={t('行业', 'Sector')}>{a.sector ? label(sectorLabels[a.sector]) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('事故类型', 'Category')}>{label(find('categories', a.category))}</Descriptions.Item>
          <Descriptions.Item
            label={t('事故类别', 'Type')}
          >{`${label(typeLabel(a.typeScheme, a.typeCode))}${t('（', ' (')}${a.typeScheme}${t('）', ')')}`}</Descriptions.Item>
          <Descriptions.Item label={t('直接原因类别', 'Cause')}>{label(find('causes', a.causeCategory))}</Descriptions.Item>
          <Descriptions.Item label={t('死亡', 'Deaths')}>
            <span data-testid="accident-deaths">{a.deaths}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('失踪', 'Missing')}>{a.missing}</Descriptions.Item>
          <Descriptions.Item label={t('重伤（含急性工业中毒）', 'Serious injuries')}>{a.seriousInjuries}</Descriptions.Item>
          <Descriptions.Item label={t('轻伤', 'Minor injuries')}>{a.minorInjuries}</Descriptions.Item>
          <Descriptions.Item label={t('直接经济损失（万元）', 'Direct loss (10,000 yuan)')}>{a.directLossWan}</Descriptions.Item>
          <Descriptions.Item label={t('补报窗口', 'Window (days)')}>
            {codes?.supplementaryWindowDays[a.category] ?? codes?.supplementaryWindowDays.default}
          </Descriptions.Item>
          {a.description && (
            <Descriptions.Item label={t('简要经过', 'Account')} span={3}>
              {a.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('逐级上报', 'Reports up the chain')} size="small">
            <AccidentReports accident={a} onChanged={(d) => qc.setQueryData(['accident', id], d)} />
          </Card>
          <Card title={t('后续处理事项', 'Follow-up duties')} size="small" style={{ marginTop: 16 }}>
            <FollowUps accidentId={a.id} items={a.followUps} onChanged={refresh} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('时间线', 'Timeline')} size="small">
            <AccidentTimeline
              accidentId={a.id}
              revision={`${a.version}-${a.reports.filter((r) => r.receivedAt).length}-${a.followUps.filter((f) => f.doneAt).length}`}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
