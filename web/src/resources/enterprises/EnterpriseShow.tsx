// The enterprise file page (一企一档): the record, then one tab per capability and the change history.
import { useParams, useNavigate } from 'react-router-dom';
import { App, Button, Card, Descriptions, Empty, Grid, Popconfirm, Result, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RevealedContacts } from '@anjian/contracts';
import { call, ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { codeTables } from './labels';
import { areaText } from './areaText';
import { historyActionLabels, historyFieldLabels, historyValue } from './historyLabels';
import { enterpriseTabs } from './tabs';
import { RevealContactsButton } from './RevealContacts';
import { SectionTabs } from '../../components/SectionTabs';

function History({ id }: { id: string }) {
  const { t, label } = useI18n();
  const q = useQuery({
    queryKey: ['enterprise-history', id],
    queryFn: () => call('GET /api/enterprises/:id/history', { params: { id } }),
  });
  const items = q.data?.items ?? [];
  if (q.isLoading) return <Spin />;
  if (items.length === 0) return <Empty description={t('暂无变更记录', 'No changes recorded yet')} />;
  return (
    <Timeline
      items={items.map((h) => ({
        children: (
          <>
            <Typography.Text strong>{h.at.replace('T', ' ').slice(0, 19)}</Typography.Text> {h.actorName ?? t('系统', 'system')} ·{' '}
            {historyActionLabels[h.action] ? label(historyActionLabels[h.action]) : h.action}
            {h.changes.map((c) => (
              <div key={c.field} style={{ fontSize: 12 }}>
                {historyFieldLabels[c.field] ? label(historyFieldLabels[c.field]) : c.field}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({c.field})
                </Typography.Text>
                : {historyValue(c.field, c.before, label)} → {historyValue(c.field, c.after, label)}
              </div>
            ))}
          </>
        ),
      }))}
    />
  );
}

export function EnterpriseShow() {
  const { id } = useParams<{ id: string }>();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['enterprise', id],
    queryFn: () => call('GET /api/enterprises/:id', { params: { id: id! } }),
    retry: false,
  });
  // The full numbers once revealed (with an audited reason); the record itself carries them masked for this caller.
  const [revealed, setRevealed] = useState<RevealedContacts | null>(null);
  // On a phone the actions move out of the card's title bar, which the long names fill.
  const phone = !Grid.useBreakpoint().md;
  if (q.isLoading) return <Spin style={{ margin: 48 }} />;
  if (q.error) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('企业不存在或不在您的辖区', 'Not found or outside your jurisdiction') : String(q.error.message)}
      />
    );
  }
  const e = q.data!;
  const restore = async () => {
    try {
      await call('POST /api/enterprises/:id/restore', { params: { id: e.id }, body: { version: e.version } });
      await qc.invalidateQueries({ queryKey: ['enterprise', id] });
      message.success(t('已完成', 'Done'));
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const remove = async () => {
    try {
      await call('DELETE /api/enterprises/:id', { params: { id: e.id }, body: { version: e.version } });
      message.success(t('已删除（可恢复）', 'Deleted (can be restored)'));
      await qc.invalidateQueries({ queryKey: ['enterprise', id] });
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
  const basic = (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
      <Descriptions.Item label={t('统一社会信用代码', 'Credit code')}>
        {e.creditCode}
        {e.creditCodeOverride && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            {t('校验位例外', 'Checksum override')}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('单位类型', 'Unit type')}>{label(codeTables.unitType[e.unitType])}</Descriptions.Item>
      <Descriptions.Item label={t('曾用名', 'Former names')}>{e.formerNames.join(t('、', ', ')) || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('法定代表人', 'Legal representative')}>{dash(e.legalRepresentative)}</Descriptions.Item>
      <Descriptions.Item label={t('主要负责人', 'Principal')}>
        {dash(e.principalName)} <span data-testid="principal-phone">{revealed?.principalPhone ?? e.principalPhone ?? ''}</span>
        {!revealed && e.abilities.includes('revealContacts') && (e.principalPhone || e.safetyManagerPhone) && (
          <RevealContactsButton enterpriseId={e.id} onRevealed={setRevealed} />
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('安全管理人员', 'Safety manager')}>
        {dash(e.safetyManagerName)} {revealed?.safetyManagerPhone ?? e.safetyManagerPhone ?? ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('地址', 'Address')}>{e.address}</Descriptions.Item>
      <Descriptions.Item label={t('所属区域', 'Area')}>{areaText(e)}</Descriptions.Item>
      <Descriptions.Item label={t('工业园区', 'Park')}>{dash(e.parkName)}</Descriptions.Item>
      <Descriptions.Item label={t('经纬度', 'Location')}>{e.longitude !== null ? `${e.longitude}, ${e.latitude}` : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('国民经济行业', 'Industry (GB/T 4754)')}>{dash(e.industryCode)}</Descriptions.Item>
      <Descriptions.Item label={t('监管行业', 'Sector')}>{label(codeTables.sector[e.sector])}</Descriptions.Item>
      <Descriptions.Item label={t('专项风险', 'Special hazards')}>
        {e.hazardTags.length === 0 ? '—' : e.hazardTags.map((x) => <Tag key={x}>{label(codeTables.hazardTags[x])}</Tag>)}
      </Descriptions.Item>
      <Descriptions.Item label={t('规模', 'Scale')}>
        {label(codeTables.scale[e.scale])}
        {e.smallMicro ? ` · ${t('小微', 'small/micro')}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('从业人数', 'Employees')}>{dash(e.employees)}</Descriptions.Item>
      <Descriptions.Item label={t('经营状态', 'Status')}>{label(codeTables.operatingStatus[e.operatingStatus])}</Descriptions.Item>
      <Descriptions.Item label={t('场所', 'Premises')}>
        {e.premises ? label(codeTables.premises[e.premises]) : '—'} {e.landlord ? t(`（${e.landlord}）`, `(${e.landlord})`) : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('标准化等级', 'Standardization')}>
        {e.standardizationGrade
          ? `${label(codeTables.standardizationGrade[e.standardizationGrade])} ${dash(e.standardizationDate)} ~ ${dash(e.standardizationExpiry)}`
          : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('"三同时"', '"Three simultaneous"')}>
        {label(codeTables.threeSimultaneous[e.threeSimultaneous])}
      </Descriptions.Item>
    </Descriptions>
  );
  const sections = [
    { key: 'basic', label: t('基本信息', 'Record'), children: basic },
    ...enterpriseTabs.map((tab) => ({ key: tab.key, label: label(tab.label), children: tab.render(e) })),
    ...(e.abilities.includes('history') ? [{ key: 'history', label: t('变更记录', 'History'), children: <History id={e.id} /> }] : []),
  ];
  const actions = (
    <Space wrap>
      {e.abilities.includes('update') && (
        <Button type="primary" onClick={() => navigate(`/enterprises/${e.id}/edit`)}>
          {t('编辑', 'Edit')}
        </Button>
      )}
      {e.abilities.includes('delete') && (
        <Popconfirm title={t('确认删除？可在之后恢复', 'Delete? It can be restored later')} onConfirm={remove}>
          <Button danger>{t('删除', 'Delete')}</Button>
        </Popconfirm>
      )}
      {e.abilities.includes('restore') && <Button onClick={restore}>{t('恢复', 'Restore')}</Button>}
    </Space>
  );
  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="enterprise-title">{e.name}</span>
          {e.isKey && <Tag color="red">{t('重点企业', 'Key enterprise')}</Tag>}
          {e.deletedAt && <Tag>{t('已删除', 'Deleted')}</Tag>}
        </Space>
      }
      extra={phone ? undefined : actions}
    >
      {phone && <div style={{ marginBottom: 12 }}>{actions}</div>}
      <SectionTabs items={sections} testId="enterprise-section" ariaLabel={t('栏目', 'Section')} />
    </Card>
  );
}
