// The 令10号 item a major hidden danger cites, picked from the items that apply to its enterprise (report form
// and re-grading).
import { Form, Select } from 'antd';
import type { HazardMeta } from '@anjian/contracts';
import { useI18n } from '../../app/i18n';

export function MajorItemField({ items }: { items: HazardMeta['majorItems'] | undefined }) {
  const { t, label } = useI18n();
  return (
    <Form.Item name="majorItemId" label={t('判定依据（令10号条目）', 'Basis (令10号 item)')}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        options={(items ?? []).map((i) => ({
          value: i.id,
          label: `${label(i.label)} ${i.text ?? t('（条文待导入）', '(text not yet imported)')}`,
        }))}
      />
    </Form.Item>
  );
}
