// Picks an enterprise in the caller's jurisdiction by name (server search, two characters are enough).
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';

export interface EnterprisePickerProps {
  value?: string;
  onChange?(id: string | undefined): void;
}

export function EnterprisePicker({ value, onChange }: EnterprisePickerProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['enterprise-pick', q],
    queryFn: () => call('GET /api/enterprises', { query: { q: q || undefined, pageSize: 20 } }),
    placeholderData: (prev) => prev,
  });
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      placeholder={t('输入企业名称搜索', 'Type an enterprise name')}
      loading={found.isFetching}
      options={found.data?.items.map((e) => ({ value: e.id, label: e.name }))}
      data-testid="enterprise-picker"
    />
  );
}
