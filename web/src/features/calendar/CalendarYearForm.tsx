// Entering one year of the State Council's holiday schedule: the notice (title, 文号) and its dates, typed or pasted
// one per line or as ranges for a holiday block, previewed with their weekdays before saving. The server checks the
// dates again (inside the year, once each, make-up working days on a weekend) and refuses the whole entry otherwise.
import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { CalendarOverview, PutCalendarYearBody } from '@anjian/contracts';
import { call, ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { joinMessages } from '../../components/apiErrors';
import { parseDates } from './dates';
import { DateTags } from './CalendarYearView';

interface Values {
  year: number;
  noticeTitle: string;
  noticeNumber: string;
  holidaysText: string;
  workdaysText: string;
  replacesPackage?: boolean;
}

/** The server's field for each refusal → the form's. */
const formField = (field: string): keyof Values | null => {
  const head = field.split('.')[0]!;
  if (head === 'holidays') return 'holidaysText';
  if (head === 'workdays') return 'workdaysText';
  return (['noticeTitle', 'noticeNumber', 'replacesPackage', 'year'] as const).find((f) => f === head) ?? null;
};

export function CalendarYearForm({
  year: initialYear,
  fixedYear,
  overview,
  onClose,
}: {
  year: number;
  fixedYear: boolean;
  overview: CalendarOverview;
  onClose(saved?: boolean): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const year = Form.useWatch('year', form) ?? initialYear;
  const holidays = parseDates(Form.useWatch('holidaysText', form) ?? '');
  const workdays = parseDates(Form.useWatch('workdaysText', form) ?? '');
  const known = overview.years.find((y) => y.year === year);
  const inPackage = !!known?.inPackage;
  // An existing entry is edited as it is; a package year starts from the package's dates, to be corrected from the notice.
  const existing = useQuery({
    queryKey: ['calendar', initialYear],
    queryFn: () => call('GET /api/calendar/years/:year', { params: { year: initialYear } }),
    enabled: fixedYear,
  });
  useEffect(() => {
    const d = existing.data;
    if (!d) return;
    const from = d.supplement ?? d.package;
    form.setFieldsValue({
      noticeTitle: d.supplement?.noticeTitle ?? '',
      noticeNumber: d.supplement?.noticeNumber ?? '',
      holidaysText: from?.holidays.join('\n') ?? '',
      workdaysText: from?.workdays.join('\n') ?? '',
      replacesPackage: !!d.supplement && !!d.package,
    });
  }, [existing.data, form]);

  const save = async (v: Values) => {
    if (holidays.errors.length || workdays.errors.length) {
      const unread = (name: 'holidaysText' | 'workdaysText', errors: string[]) =>
        errors.length ? [{ name, errors: [t(`无法识别：${errors.join('，')}`, `Not a date: ${errors.join(', ')}`)] }] : [];
      form.setFields([...unread('holidaysText', holidays.errors), ...unread('workdaysText', workdays.errors)]);
      return;
    }
    const body: PutCalendarYearBody = {
      noticeTitle: v.noticeTitle,
      noticeNumber: v.noticeNumber,
      holidays: holidays.dates,
      workdays: workdays.dates,
      ...(inPackage ? { replacesPackage: !!v.replacesPackage } : {}),
    };
    setSaving(true);
    try {
      await call('PUT /api/calendar/years/:year', { params: { year: v.year }, body });
      message.success(
        t(`${v.year}年节假日安排已保存，按工作日计算的期限即刻按此计算`, `The ${v.year} schedule is saved and counted from now on`),
      );
      onClose(true);
    } catch (e) {
      if (!(e instanceof ApiError)) return void message.error(String(e));
      const byField = new Map<keyof Values, string[]>();
      const rest: string[] = [];
      for (const d of e.details) {
        const f = formField(d.field);
        if (f) byField.set(f, [...(byField.get(f) ?? []), d.message]);
        else rest.push(d.message);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      if (rest.length || byField.size === 0) message.error(joinMessages([e.message, ...rest]));
    } finally {
      setSaving(false);
    }
  };

  const datesHelp = t(
    '每行一个日期（YYYY-MM-DD），连续的假期可写成“2031-02-05~2031-02-11”。',
    'One date per line (YYYY-MM-DD); a holiday block may be written "2031-02-05~2031-02-11".',
  );
  return (
    <Modal
      open
      title={t(`录入${year}年节假日安排`, `Enter the ${year} holiday schedule`)}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={t('保存', 'Save')}
      okButtonProps={{ loading: saving, ...({ 'data-testid': 'calendar-save' } as Record<string, string>) }}
      width={760}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          '请照《国务院办公厅关于XXXX年部分节假日安排的通知》原文逐日填写：放假日期包括假期中的周六、周日；调休上班日期只能是周六或周日。',
          "Copy the dates from the State Council's notice on that year's holidays: days off include the weekend days inside a holiday block; make-up working days are Saturdays or Sundays only.",
        )}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ year: initialYear, noticeTitle: '', noticeNumber: '', holidaysText: '', workdaysText: '' }}
      >
        <Form.Item name="year" label={t('年份', 'Year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} disabled={fixedYear} data-testid="calendar-year" />
        </Form.Item>
        <Form.Item
          name="noticeTitle"
          label={t('通知标题', 'Notice title')}
          rules={[{ required: true, whitespace: true, message: t('请填写通知标题', 'Give the notice title') }]}
        >
          <Input
            maxLength={200}
            placeholder={t(`国务院办公厅关于${year}年部分节假日安排的通知`, `国务院办公厅关于${year}年部分节假日安排的通知`)}
            data-testid="calendar-title"
          />
        </Form.Item>
        <Form.Item
          name="noticeNumber"
          label={t('文号', 'Notice number (文号)')}
          rules={[{ required: true, whitespace: true, message: t('请填写文号', 'Give the notice number') }]}
        >
          <Input maxLength={64} placeholder={t('如：国办发明电〔XXXX〕X号', 'e.g. 国办发明电〔XXXX〕X号')} data-testid="calendar-number" />
        </Form.Item>
        <Form.Item
          name="holidaysText"
          label={t('放假日期', 'Days off')}
          extra={datesHelp}
          rules={[{ required: true, whitespace: true, message: t('至少填写一个放假日期', 'Give at least one day off') }]}
        >
          <Input.TextArea rows={5} data-testid="calendar-holidays" />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">
            {t(`已识别 ${holidays.dates.length} 天：`, `${holidays.dates.length} days read: `)}
          </Typography.Text>
          <DateTags dates={holidays.dates} color="red" />
        </div>
        <Form.Item name="workdaysText" label={t('调休上班日期', 'Make-up working days')} extra={datesHelp}>
          <Input.TextArea rows={3} data-testid="calendar-workdays" />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">
            {t(`已识别 ${workdays.dates.length} 天：`, `${workdays.dates.length} days read: `)}
          </Typography.Text>
          <DateTags dates={workdays.dates} color="blue" weekendOnly />
        </div>
        {inPackage && (
          <Form.Item name="replacesPackage" valuePropName="checked">
            <Checkbox data-testid="calendar-replaces">
              {t(
                `内置日历已有${year}年的数据。以本通知为准替换（仅在通知调整了安排或内置数据有误时使用）`,
                `The built-in calendar already has ${year}. Replace with this notice (only when the schedule was amended or the built-in data is wrong)`,
              )}
            </Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
