// The accident level as a coloured tag (特别重大 red … 一般 blue) and report timeliness as a tag.
import { Tag } from 'antd';
import type { AccidentLevelKey } from '@anjian/contracts';
import { useI18n } from '../../app/i18n';
import { useAccidentCodes } from './codeTables';

const LEVEL_COLOURS: Record<AccidentLevelKey, string> = { especially_major: 'red', major: 'volcano', larger: 'orange', general: 'blue' };
const TIMELINESS_COLOURS: Record<string, string> = { on_time: 'green', late: 'orange', missing: 'red', pending: 'default' };

export function LevelTag({ level }: { level: AccidentLevelKey }) {
  const { label } = useI18n();
  const { find } = useAccidentCodes();
  return (
    <Tag color={LEVEL_COLOURS[level]} data-testid="accident-level">
      {label(find('levels', level)) || level}
    </Tag>
  );
}

export function TimelinessTag({ value }: { value: string }) {
  const { label } = useI18n();
  const { find } = useAccidentCodes();
  return <Tag color={TIMELINESS_COLOURS[value]}>{label(find('timeliness', value)) || value}</Tag>;
}
