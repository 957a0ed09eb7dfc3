// 案件工作台: the case, its deadlines (decision limit, payment due, surcharge), the five pieces of evidence, its
// documents and timeline, and the next steps from the server's abilities.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Checkbox, Descriptions, Input, InputNumber, Space, Tag, Timeline } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { DocumentLinks } from './DocumentLinks';
import { caseActionLabels, caseStatusLabels, evidenceLabels, type PenaltyCase } from './types';

export function CaseWorkspace() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api.get<PenaltyCase>(`/api/enforcement/cases/${id}`) });
  const [fine, setFine] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [amountPaid, setAmountPaid] = useState<number | null>(null);
  const [extensionDays, setExtensionDays] = useState<number | null>(null);
  const [waived, setWaived] = useState(false);
  const c = q.data;
  if (!c) return <Card loading />;
  const act = async (action: string) => {
    try {
      await api.post(`/api/enforcement/cases/${id}/actions/${action}`, {
        version: c.version,
        note: note || undefined,
        fine: fine ?? undefined,
        amountPaid: amountPaid ?? undefined,
        extensionDays: extensionDays ?? undefined,
        waived: waived || undefined,
      });
      await qc.invalidateQueries({ queryKey: ['case', id] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={`${c.number} · ${label(caseStatusLabels[c.status])}`}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('当事人', 'Party')}>{c.partyName}</Descriptions.Item>
          <Descriptions.Item label={t('程序', 'Procedure')}>
            {c.procedure === 'simple' ? t('简易程序', 'Simple') : t('一般程序', 'General')}
          </Descriptions.Item>
          <Descriptions.Item label={t('违法事实', 'Violation')}>{c.violation}</Descriptions.Item>
          <Descriptions.Item label={t('处罚依据', 'Basis')}>{c.basisArticle}</Descriptions.Item>
          <Descriptions.Item label={t('罚款（元）', 'Fine')}>{c.fine ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('立案日期', 'Filed')}>{c.filedOn}</Descriptions.Item>
          <Descriptions.Item label={t('决定期限', 'Decide by')}>
            {c.decisionDue} {c.decisionOverdue && <Tag color="red">{t('已超期', 'Overdue')}</Tag>}
          </Descriptions.Item>
          {c.paymentDue && <Descriptions.Item label={t('缴款期限', 'Pay by')}>{c.paymentDue}</Descriptions.Item>}
          {c.surcharge > 0 && <Descriptions.Item label={t('加处罚款', 'Surcharge')}>{c.surcharge}</Descriptions.Item>}
          {c.withdrawalDue && <Descriptions.Item label={t('公示撤回期限', 'Withdraw publication by')}>{c.withdrawalDue}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 8 }}>
          {Object.entries(c.evidence ?? {}).map(([k, v]) => (
            <Tag key={k} color={v ? 'green' : 'orange'}>
              {label(evidenceLabels[k])}
            </Tag>
          ))}
        </Space>
      </Card>
      {c.abilities.length > 0 && (
        <Card title={t('办理', 'Next steps')} size="small">
          <Space wrap>
            <InputNumber placeholder={t('罚款', 'Fine')} value={fine} onChange={(v) => setFine(v)} />
            <InputNumber placeholder={t('缴款金额', 'Amount paid')} value={amountPaid} onChange={(v) => setAmountPaid(v)} />
            <InputNumber placeholder={t('延长天数', 'Extra days')} value={extensionDays} onChange={(v) => setExtensionDays(v)} />
            <Input placeholder={t('说明', 'Note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 240 }} />
            <Checkbox checked={waived} onChange={(e) => setWaived(e.target.checked)}>
              {t('当事人放弃陈述申辩', 'Party waived')}
            </Checkbox>
          </Space>
          <Space wrap style={{ marginTop: 8 }}>
            {c.abilities.map((a) => (
              <Button key={a} onClick={() => void act(a)}>
                {label(caseActionLabels[a])}
              </Button>
            ))}
          </Space>
        </Card>
      )}
      <Card title={t('执法文书', 'Documents')} size="small">
        <DocumentLinks documents={c.documents ?? []} />
      </Card>
      <Card title={t('办案记录', 'Timeline')} size="small">
        <Timeline
          items={(c.events ?? []).map((e) => ({
            children: `${e.at.slice(0, 16).replace('T', ' ')} ${e.actorName ?? ''} ${label(caseActionLabels[e.action]) || e.action} → ${label(caseStatusLabels[e.to])}`,
          }))}
        />
      </Card>
    </Space>
  );
}
