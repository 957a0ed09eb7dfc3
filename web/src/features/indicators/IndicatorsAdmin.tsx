// Managers' tools on the indicators page: the year's base data, a target per rate (absolute, or a reduction
// from a base year), and an import of other departments' monthly statistics pasted as CSV lines.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import type { IndicatorsReport } from '@anjian/contracts';
import { call, type RouteBody } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { validValues } from '../../components/validValues';

export interface IndicatorsAdminProps {
  report: IndicatorsReport;
  onSaved(): void;
}

const STAT_COLUMNS = ['areaCode', 'year', 'month', 'category', 'accidents', 'deaths', 'source'] as const;

export function IndicatorsAdmin({ report, onSaved }: IndicatorsAdminProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<'base' | 'target' | 'import' | null>(null);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const run = async (fn: () => Promise<unknown>, ok = t('已保存', 'Saved')) => {
    try {
      const res = await fn();
      message.success(res && typeof res === 'object' && 'inserted' in res ? `${ok}${t('：', ': ')}${JSON.stringify(res)}` : ok);
      setOpen(null);
      onSaved();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    if (open === 'base') {
      await run(() =>
        call('PUT /api/indicators/base/:areaCode/:year', {
          params: { areaCode: report.areaCode, year: report.year },
          body: {
            gdpYi: v.gdpYi ?? null,
            imcWorkers: v.imcWorkers ?? null,
            motorVehicles: v.motorVehicles ?? null,
            source: v.source || null,
          },
        }),
      );
    } else if (open === 'target') {
      const body =
        v.kind === 'absolute'
          ? { kind: 'absolute', value: v.value, setBy: v.setBy || null }
          : { kind: 'reduction', baseYear: v.baseYear, reductionPercent: v.reductionPercent, setBy: v.setBy || null };
      await run(() =>
        call('PUT /api/indicators/targets/:areaCode/:year/:indicator', {
          params: { areaCode: report.areaCode, year: report.year, indicator: v.indicator },
          body: body as RouteBody<'PUT /api/indicators/targets/:areaCode/:year/:indicator'>,
        }),
      );
    } else if (open === 'import') {
      const rows = String(v.csv)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('areaCode'))
        .map((l) => {
          const c = l.split(/[,，\t]/).map((x) => x.trim());
          const row = Object.fromEntries(STAT_COLUMNS.map((k, i) => [k, c[i]]));
          return { ...row, year: Number(row.year), month: Number(row.month), accidents: Number(row.accidents), deaths: Number(row.deaths) };
        });
      await run(
        () => call('POST /api/accident-statistics/import', { body: { rows } as RouteBody<'POST /api/accident-statistics/import'> }),
        t('已导入', 'Imported'),
      );
    }
  };
  const b = report.base;
  return (
    <>
      <Space wrap style={{ marginTop: 16 }}>
        <Button
          onClick={() => (
            form.setFieldsValue({ gdpYi: b?.gdpYi, imcWorkers: b?.imcWorkers, motorVehicles: b?.motorVehicles, source: b?.source }),
            setOpen('base')
          )}
        >
          {t('基础数据', 'Base data')}
        </Button>
        <Button onClick={() => (form.setFieldsValue({ indicator: report.rates[0]!.indicator, kind: 'absolute' }), setOpen('target'))}>
          {t('设定目标', 'Set a target')}
        </Button>
        <Button onClick={() => setOpen('import')}>{t('导入其他部门统计', 'Import other departments’ statistics')}</Button>
      </Space>
      <Modal open={open !== null} onOk={submit} onCancel={() => setOpen(null)} destroyOnHidden title={`${report.areaName} ${report.year}`}>
        <Form form={form} layout="vertical" preserve={false}>
          {open === 'base' && (
            <>
              <Form.Item name="gdpYi" label={t('地区生产总值（亿元）', 'GDP (100 million yuan)')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="imcWorkers" label={t('工矿商贸就业人员（人）', 'Industry, mining and commerce workers')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="motorVehicles" label={t('机动车保有量（辆）', 'Motor vehicles')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="source" label={t('数据来源', 'Source')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          {open === 'target' && (
            <>
              <Form.Item name="indicator" label={t('指标', 'Indicator')} rules={[{ required: true }]}>
                <Select options={report.rates.map((r) => ({ value: r.indicator, label: label(r.label) }))} />
              </Form.Item>
              <Form.Item name="kind" label={t('目标形式', 'Kind')}>
                <Radio.Group
                  options={[
                    { value: 'absolute', label: t('控制值', 'Ceiling') },
                    { value: 'reduction', label: t('比基准年下降', 'Reduction from a base year') },
                  ]}
                />
              </Form.Item>
              {kind === 'reduction' ? (
                <Space>
                  <Form.Item name="baseYear" label={t('基准年', 'Base year')} rules={[{ required: true }]}>
                    <InputNumber min={1949} max={report.year - 1} />
                  </Form.Item>
                  <Form.Item name="reductionPercent" label={t('下降（%）', 'Reduction (%)')} rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} />
                  </Form.Item>
                </Space>
              ) : (
                <Form.Item name="value" label={t('控制值', 'Ceiling')} rules={[{ required: true }]}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              )}
              <Form.Item name="setBy" label={t('下达单位', 'Set by')}>
                <Input maxLength={100} />
              </Form.Item>
            </>
          )}
          {open === 'import' && (
            <>
              <Typography.Paragraph type="secondary">
                {t(
                  '每行一条：区划代码,年,月(0=全年),类型,起数,死亡,来源部门。类型：',
                  'One row per line: area code, year, month (0 = whole year), category, accidents, deaths, source. Categories: ',
                )}
                road_traffic, fire, water_traffic, fishing_vessel, agricultural_machinery, other
              </Typography.Paragraph>
              <Form.Item name="csv" rules={[{ required: true }]}>
                <Input.TextArea rows={8} placeholder={`${report.areaCode},${report.year},1,road_traffic,12,3,区交警大队`} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
