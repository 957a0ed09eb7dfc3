// On the workbench: the years deadlines will soon need and no calendar has (this year; next year from October, when
// the State Council has published it), so the administrator enters them before a deadline is refused.
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { CalendarGapAlert } from './CalendarGapAlert';

export function CalendarMissingBanner() {
  const { can } = useAuth();
  const { t } = useI18n();
  const readable = can('calendar.read');
  const overview = useQuery({
    queryKey: ['calendar'],
    queryFn: () => call('GET /api/calendar'),
    enabled: readable,
    staleTime: 10 * 60_000,
  });
  const missing = overview.data?.missing ?? [];
  if (!readable || missing.length === 0) return null;
  const year = missing[0]!;
  return (
    <div style={{ marginBottom: 16 }}>
      <CalendarGapAlert
        year={year}
        testId="calendar-missing"
        message={t(
          `${year}年的法定节假日安排尚未录入：跨入${year}年的工作日期限（隐患整改、听证期限等）将被拒绝计算。`,
          `The official holiday schedule for ${year} is not entered: working-day deadlines reaching into ${year} (rectification, hearing periods …) will be refused.`,
        )}
      />
    </div>
  );
}
