// State, grade and overdue tags shared by the board, the register and the record page.
import { Space, Tag } from 'antd';
import type { HazardSummary } from '@anjian/contracts';
import { useI18n } from '../../app/i18n';
import { labelIn, stateColours, useHazardMeta } from './meta';

export interface HazardTagsProps {
  hazard: Pick<HazardSummary, 'state' | 'grade' | 'overdue' | 'listed'>;
}

export function HazardTags({ hazard }: HazardTagsProps) {
  const { t, label } = useI18n();
  const meta = useHazardMeta().data;
  return (
    <Space size={4} wrap>
      <Tag color={stateColours[hazard.state]} data-testid="hazard-state">
        {label(labelIn(meta?.states, hazard.state)) || hazard.state}
      </Tag>
      {hazard.grade === 'major' && <Tag color="red">{t('重大', 'Major')}</Tag>}
      {hazard.overdue && (
        <Tag color="red" data-testid="hazard-overdue">
          {t('逾期', 'Overdue')}
        </Tag>
      )}
      {hazard.listed && <Tag color="volcano">{t('挂牌督办', 'Listed')}</Tag>}
    </Space>
  );
}
