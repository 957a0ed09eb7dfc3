// Where a working-day period could not be counted because a year's official holiday schedule is missing: says so,
// and points to the holiday-calendar page — to enter the year (the platform administrator) or to see what is known.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from 'antd';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';

export function CalendarGapAlert({ year, message, testId }: { year: number; message?: ReactNode; testId?: string }) {
  const { can } = useAuth();
  const { t } = useI18n();
  const description = can('calendar.manage') ? (
    <>
      {t(
        `请到「节假日日历」录入国务院办公厅${year}年节假日安排通知中的放假和调休上班日期。`,
        `Enter the days off and make-up working days of the State Council's ${year} holiday notice under "Holiday calendar". `,
      )}{' '}
      <Link to={`/calendar?year=${year}`} data-testid="calendar-gap-link">
        {t(`录入${year}年节假日安排`, `Enter the ${year} schedule`)}
      </Link>
    </>
  ) : (
    <>
      {t(
        `请通知系统管理员在「节假日日历」录入${year}年节假日安排。`,
        `Ask the system administrator to enter the ${year} schedule under "Holiday calendar". `,
      )}{' '}
      {can('calendar.read') && (
        <Link to="/calendar" data-testid="calendar-gap-link">
          {t('查看节假日日历', 'See the holiday calendar')}
        </Link>
      )}
    </>
  );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId ?? 'calendar-gap'}
      message={
        message ??
        t(
          `${year}年的法定节假日安排尚未录入，按工作日计算的期限暂无法计算。`,
          `The official holiday schedule for ${year} is not entered yet, so working-day periods cannot be counted.`,
        )
      }
      description={description}
    />
  );
}
