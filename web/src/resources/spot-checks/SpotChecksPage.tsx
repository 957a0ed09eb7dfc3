// 抽查 of certificate holders (seed 000 五(五)18), phone-first for the field: draw a sample for the caller's area by rule
// (sector, certificate kind, a number or a ratio), list the draws with their tallies, open one and record each
// sampled holder's outcome on site with a note and a photo. An outcome that warrants it revokes the certificate on
// the server (the card then shows 已吊销).
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { certificateKindLabels, certificateKinds, sectorLabels, sectors, type CertificateKind, type Sector } from '@anjian/contracts';
import { useCommand, useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { ErrorDisplay } from '../../components/ErrorDisplay';
import { SpotCheckDetailView } from './SpotCheckDetail';

export function SpotChecksPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [selected, setSelected] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useList('GET /api/spot-checks', { query: { page, pageSize: 20 } });
  const canDraw = !!user?.permissions.includes('spot_check.manage') && !!user.areaCode;
  if (selected) return <SpotCheckDetailView id={selected} onBack={() => setSelected(null)} />;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      {canDraw && <DrawForm areaCode={user!.areaCode!} onDrawn={setSelected} />}
      <Card title={t('持证人员抽查', 'Spot checks of certificate holders')}>
        {list.error && <ErrorDisplay error={list.error} />}
        <List
          data-testid="spot-checks"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage, size: 'small' }}
          renderItem={(s) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => setSelected(s.id)}>
              <List.Item.Meta
                title={s.title}
                description={
                  <Space wrap size={4}>
                    <span>{s.drawnOn}</span>
                    <span>{s.areaName ?? s.areaCode}</span>
                    <Tag>{t(`抽取 ${s.sampleSize}/${s.population}`, `Drawn ${s.sampleSize}/${s.population}`)}</Tag>
                    <Tag color="blue">{t(`已查 ${s.checked}`, `Checked ${s.checked}`)}</Tag>
                    {s.failed > 0 && <Tag color="orange">{t(`不合格 ${s.failed}`, `Failed ${s.failed}`)}</Tag>}
                    {s.revoked > 0 && <Tag color="red">{t(`吊销 ${s.revoked}`, `Revoked ${s.revoked}`)}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}

type DrawValues = { title: string; sector?: Sector; kind?: CertificateKind; by: 'size' | 'ratio'; size?: number; percent?: number };

function DrawForm({ areaCode, onDrawn }: { areaCode: string; onDrawn: (id: string) => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DrawValues>();
  const by = Form.useWatch('by', form) ?? 'size';
  const draw = useCommand('POST /api/spot-checks', ['GET /api/spot-checks'], (d) => {
    message.success(t(`已抽取 ${d.sampleSize} 人`, `Drew ${d.sampleSize} holders`));
    onDrawn(d.id);
  });
  return (
    <Card size="small" title={t('发起抽查', 'Draw a sample')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ by: 'size', size: 10, kind: 'special_operation' }}
        onFinish={(v) =>
          draw.mutate({
            body: {
              title: v.title,
              areaCode,
              sector: v.sector,
              kind: v.kind,
              ...(v.by === 'size' ? { sampleSize: v.size } : { ratio: (v.percent ?? 0) / 100 }),
            },
          })
        }
      >
        <Form.Item name="title" label={t('抽查名称', 'Title')} rules={[{ required: true }]}>
          <Input placeholder={t('如：特种作业人员持证上岗抽查', 'e.g. Special operators on-the-job check')} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="sector" label={t('行业', 'Sector')}>
            <Select allowClear style={{ width: 160 }} options={sectors.map((s) => ({ value: s, label: label(sectorLabels[s]) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('证书类别', 'Certificate kind')}>
            <Select
              allowClear
              style={{ width: 180 }}
              options={certificateKinds.map((k) => ({ value: k, label: label(certificateKindLabels[k]) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="by">
          <Segmented
            options={[
              { value: 'size', label: t('按人数', 'By number') },
              { value: 'ratio', label: t('按比例', 'By ratio') },
            ]}
          />
        </Form.Item>
        {by === 'size' ? (
          <Form.Item name="size" label={t('抽取人数', 'Sample size')} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} />
          </Form.Item>
        ) : (
          <Form.Item name="percent" label={t('抽取比例（%）', 'Ratio (%)')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
        )}
        {draw.error && <ErrorDisplay error={draw.error} />}
        <Button type="primary" htmlType="submit" block size="large" loading={draw.isPending}>
          {t('随机抽取', 'Draw at random')}
        </Button>
        <Typography.Text type="secondary">
          {t('在本辖区有效证书持有人中随机抽取；已吊销、已过期和已离职人员不在其中。', 'Drawn at random among valid holders in your area.')}
        </Typography.Text>
      </Form>
    </Card>
  );
}
