// One year's days off and make-up working days, from each source, and where an entry differs from the package.
import { Descriptions, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { weekdayOf } from './dates';
import { cstDateTime } from '../../app/time';

/** Dates with their weekdays; `weekendOnly` marks any weekday in the list (make-up working days are weekend days). */
export function DateTags({ dates, color, weekendOnly }: { dates: readonly string[]; color?: string; weekendOnly?: boolean }) {
  const { t } = useI18n();
  const names = t('日,一,二,三,四,五,六', 'Sun,Mon,Tue,Wed,Thu,Fri,Sat').split(',');
  if (dates.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {dates.map((d, i) => {
        const dow = weekdayOf(d);
        const wrong = weekendOnly && dow !== 0 && dow !== 6;
        return (
          <Tag key={`${d}-${i}`} color={wrong ? 'error' : color} bordered={!wrong}>
            {d.slice(5)} {t('周', '')}
            {names[dow]}
            {wrong ? t('（非周末）', ' (not a weekend)') : ''}
          </Tag>
        );
      })}
    </Space>
  );
}

export function CalendarYearView({ year, onClose }: { year: number; onClose(): void }) {
  const { t } = useI18n();
  const detail = useQuery({ queryKey: ['calendar', year], queryFn: () => call('GET /api/calendar/years/:year', { params: { year } }) });
  const d = detail.data;
  const diff = d?.differences;
  return (
    <Modal open title={t(`${year}年节假日安排`, `${year} holiday schedule`)} onCancel={onClose} footer={null} width={760}>
      {!d ? (
        <Spin />
      ) : (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('计算使用', 'Counted with')}>
            {d.inEffect === 'supplement'
              ? t('本地录入', 'The entry made here')
              : t('内置数据（chinese-days）', 'Built-in data (chinese-days)')}
          </Descriptions.Item>
          {d.supplement && (
            <>
              <Descriptions.Item label={t('依据', 'Source')}>
                {d.supplement.noticeTitle}
                {t('（', ' (')}
                {d.supplement.noticeNumber}
                {t('）', ')')}
              </Descriptions.Item>
              <Descriptions.Item label={t('录入', 'Entered')}>
                {d.supplement.updatedByName} · {cstDateTime(d.supplement.updatedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('放假（录入）', 'Days off (entered)')}>
                <DateTags dates={d.supplement.holidays} color="red" />
              </Descriptions.Item>
              <Descriptions.Item label={t('调休上班（录入）', 'Make-up working days (entered)')}>
                <DateTags dates={d.supplement.workdays} color="blue" weekendOnly />
              </Descriptions.Item>
            </>
          )}
          {d.package && (
            <>
              <Descriptions.Item label={t('放假（内置）', 'Days off (built-in)')}>
                <DateTags dates={d.package.holidays} />
              </Descriptions.Item>
              <Descriptions.Item label={t('调休上班（内置）', 'Make-up working days (built-in)')}>
                <DateTags dates={d.package.workdays} />
              </Descriptions.Item>
            </>
          )}
          {diff && (
            <Descriptions.Item label={t('与内置不同', 'Differs from built-in')}>
              <Space direction="vertical">
                <span>
                  {t('仅录入放假：', 'Off only in the entry: ')}
                  <DateTags dates={diff.holidays.onlySupplement} color="red" />
                </span>
                <span>
                  {t('仅内置放假：', 'Off only built-in: ')}
                  <DateTags dates={diff.holidays.onlyPackage} />
                </span>
                <span>
                  {t('仅录入调休上班：', 'Worked only in the entry: ')}
                  <DateTags dates={diff.workdays.onlySupplement} color="blue" />
                </span>
                <span>
                  {t('仅内置调休上班：', 'Worked only built-in: ')}
                  <DateTags dates={diff.workdays.onlyPackage} />
                </span>
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Modal>
  );
}
