// Filters above the enterprise list: name/credit-code search, area, sector, hazard tag, key only.
import { Checkbox, Select, Space } from 'antd';
import type { EnterpriseListQuery } from '@anjian/contracts';
import { AreaCascader } from '../../components/AreaCascader';
import { SearchBox } from '../../components/SearchBox';
import { useI18n } from '../../app/i18n';
import { codeTables, optionsOf } from './labels';

export type EnterpriseFilterValues = Partial<Pick<EnterpriseListQuery, 'q' | 'areaCode' | 'sector' | 'tag' | 'keyOnly'>>;

export interface EnterpriseFiltersProps {
  value: EnterpriseFilterValues;
  onChange(v: EnterpriseFilterValues): void;
}

export function EnterpriseFilters({ value, onChange }: EnterpriseFiltersProps) {
  const { t, label } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <SearchBox
        placeholder={t('企业名称（两个字即可）或信用代码', 'Name (two characters will do) or credit code')}
        value={value.q}
        onSearch={(q) => onChange({ ...value, q })}
        style={{ width: 300 }}
        data-testid="enterprise-search"
      />
      <AreaCascader
        value={value.areaCode}
        onChange={(areaCode) => onChange({ ...value, areaCode })}
        placeholder={t('所属区域', 'Area')}
        style={{ width: 220 }}
      />
      <Select
        allowClear
        placeholder={t('行业', 'Sector')}
        style={{ width: 140 }}
        value={value.sector}
        onChange={(sector) => onChange({ ...value, sector })}
        options={optionsOf(codeTables.sector, label)}
      />
      <Select
        allowClear
        placeholder={t('专项风险', 'Special hazard')}
        style={{ width: 180 }}
        value={value.tag}
        onChange={(tag) => onChange({ ...value, tag })}
        options={optionsOf(codeTables.hazardTags, label)}
      />
      <Checkbox checked={!!value.keyOnly} onChange={(e) => onChange({ ...value, keyOnly: e.target.checked || undefined })}>
        {t('仅重点企业', 'Key enterprises only')}
      </Checkbox>
    </Space>
  );
}
