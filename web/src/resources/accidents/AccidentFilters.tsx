// Filters above the accident list: year or date range, area, category, level, and a text search.
import { DatePicker, InputNumber, Select, Space } from 'antd';
import { SearchBox } from '../../components/SearchBox';
import dayjs from 'dayjs';
import type { AccidentListQuery } from '@anjian/contracts';
import { AreaCascader } from '../../components/AreaCascader';
import { useI18n } from '../../app/i18n';
import { useAccidentCodes } from './codeTables';

export type AccidentFilterValues = Partial<Pick<AccidentListQuery, 'year' | 'from' | 'to' | 'areaCode' | 'category' | 'level' | 'q'>>;

export interface AccidentFiltersProps {
  value: AccidentFilterValues;
  onChange(v: AccidentFilterValues): void;
}

export function AccidentFilters({ value, onChange }: AccidentFiltersProps) {
  const { t, label } = useI18n();
  const { codes } = useAccidentCodes();
  const opts = (list?: { key: string; label: { zh: string; en: string } }[]) => list?.map((e) => ({ value: e.key, label: label(e.label) }));
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <SearchBox
        placeholder={t('地点或单位名称', 'Place or unit name')}
        value={value.q}
        onSearch={(q) => onChange({ ...value, q })}
        style={{ width: 220 }}
      />
      <InputNumber
        placeholder={t('年度', 'Year')}
        min={1949}
        max={2100}
        value={value.year}
        onChange={(year) => onChange({ ...value, year: year ?? undefined })}
        style={{ width: 100 }}
      />
      <DatePicker.RangePicker
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(r) => onChange({ ...value, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
      />
      <AreaCascader
        value={value.areaCode}
        onChange={(areaCode) => onChange({ ...value, areaCode })}
        placeholder={t('区域', 'Area')}
        style={{ width: 200 }}
      />
      <Select
        allowClear
        placeholder={t('事故类型', 'Category')}
        style={{ width: 150 }}
        value={value.category}
        onChange={(category) => onChange({ ...value, category })}
        options={opts(codes?.categories)}
      />
      <Select
        allowClear
        placeholder={t('事故等级', 'Level')}
        style={{ width: 140 }}
        value={value.level}
        onChange={(level) => onChange({ ...value, level })}
        options={opts(codes?.levels)}
      />
    </Space>
  );
}
