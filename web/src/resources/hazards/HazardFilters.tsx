// Filters above the supervision board: search, area, sector, grade, source, listed only.
import { Checkbox, Select, Space } from 'antd';
import { sectorLabels, type HazardListQuery } from '@anjian/contracts';
import { AreaCascader } from '../../components/AreaCascader';
import { SearchBox } from '../../components/SearchBox';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useHazardMeta } from './meta';

export type HazardFilterValues = Partial<Pick<HazardListQuery, 'q' | 'areaCode' | 'sector' | 'grade' | 'source' | 'listed'>>;

export interface HazardFiltersProps {
  value: HazardFilterValues;
  onChange(v: HazardFilterValues): void;
}

export function HazardFilters({ value, onChange }: HazardFiltersProps) {
  const { t, label } = useI18n();
  const { user } = useAuth();
  const meta = useHazardMeta().data;
  const staff = !user?.enterpriseId;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <SearchBox
        placeholder={t('编号、描述或企业名称', 'Number, description or enterprise')}
        value={value.q}
        onSearch={(q) => onChange({ ...value, q })}
        style={{ width: 260 }}
      />
      {staff && (
        <AreaCascader
          value={value.areaCode}
          onChange={(areaCode) => onChange({ ...value, areaCode })}
          placeholder={t('区域', 'Area')}
          style={{ width: 200 }}
        />
      )}
      {staff && (
        <Select
          allowClear
          placeholder={t('行业', 'Sector')}
          style={{ width: 130 }}
          value={value.sector}
          onChange={(sector) => onChange({ ...value, sector })}
          options={Object.entries(sectorLabels).map(([v, l]) => ({ value: v, label: label(l) }))}
        />
      )}
      <Select
        allowClear
        placeholder={t('等级', 'Grade')}
        style={{ width: 140 }}
        value={value.grade}
        onChange={(grade) => onChange({ ...value, grade })}
        options={(meta?.grades ?? []).map((g) => ({ value: g.value, label: label(g.label) }))}
      />
      <Select
        allowClear
        placeholder={t('来源', 'Source')}
        style={{ width: 140 }}
        value={value.source}
        onChange={(source) => onChange({ ...value, source })}
        options={(meta?.sources ?? []).map((s) => ({ value: s.value, label: label(s.label) }))}
      />
      <Checkbox checked={!!value.listed} onChange={(e) => onChange({ ...value, listed: e.target.checked || undefined })}>
        {t('仅挂牌督办', 'Listed only')}
      </Checkbox>
    </Space>
  );
}
