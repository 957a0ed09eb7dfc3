// 强制投保行业: the administrator or the district bureau edits which sectors and hazard tags must hold 安责险 (the
// coverage check, rates and the credit record's 应投未投 follow at once). Saved with the version read; audited.
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Select, Space, Typography } from 'antd';
import { hazardTagLabels, hazardTags, sectorLabels, sectors, type HazardTag, type Sector } from '@anjian/contracts';
import { useCommand, useList } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorDisplay, errorText } from '../../components/ErrorDisplay';

export function MandatorySettings() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const q = useList('GET /api/insurance/settings', {});
  const save = useCommand('PUT /api/insurance/settings', ['GET /api/insurance/settings', 'GET /api/insurance/coverage']);
  const [value, setValue] = useState<{ sectors: Sector[]; tags: HazardTag[] } | null>(null);
  useEffect(() => {
    if (q.data) setValue({ sectors: q.data.mandatorySectors, tags: q.data.mandatoryTags });
  }, [q.data]);
  const d = q.data;
  return (
    <>
      <ErrorDisplay error={q.error} />
      {d && value && (
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label={t('强制投保行业', 'Mandatory sectors')}>
            <Select
              mode="multiple"
              value={value.sectors}
              onChange={(v) => setValue({ ...value, sectors: v })}
              options={sectors.map((s) => ({ value: s, label: label(sectorLabels[s]) }))}
              data-testid="mandatory-sectors"
            />
          </Form.Item>
          <Form.Item label={t('强制投保专项（风险标签）', 'Mandatory hazard tags')}>
            <Select
              mode="multiple"
              value={value.tags}
              onChange={(v) => setValue({ ...value, tags: v })}
              options={hazardTags.map((x) => ({ value: x, label: label(hazardTagLabels[x]) }))}
            />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { body: { mandatorySectors: value.sectors, mandatoryTags: value.tags, version: d.version } },
                  {
                    onSuccess: () => void message.success(t('已保存', 'Saved')),
                    onError: (e) => void message.error(errorText(e)),
                  },
                )
              }
            >
              {t('保存', 'Save')}
            </Button>
            <Typography.Text type="secondary">
              {d.configured ? `${t('版本', 'Version')} ${d.version}` : t('当前为默认配置（见用户手册）', 'The documented defaults apply')}
            </Typography.Text>
          </Space>
        </Form>
      )}
    </>
  );
}

/** The same settings on a page of their own, for the system administrator (who has no coverage page). */
export function MandatorySettingsPage() {
  const { t } = useI18n();
  return (
    <Card title={t('强制投保行业设置', 'Mandatory insurance sectors')}>
      <MandatorySettings />
    </Card>
  );
}
