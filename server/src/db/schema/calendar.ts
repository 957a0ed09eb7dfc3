// The official calendar supplement: years of the State Council's holiday schedule (国务院办公厅关于XXXX年部分节假日安排
// 的通知) entered by the deployment's administrator, for years the chinese-days package does not carry yet (or, when
// confirmed, to replace what it carries). platform/calendar-store.ts loads them into platform/calendar.ts.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { day, tstz } from './columns';
import { users } from './platform';

/** One row per entered year, with its source (the notice's title and 文号) and who entered it when. */
export const calendarSupplementYears = pgTable(
  'calendar_supplement_years',
  {
    year: integer('year').primaryKey(),
    noticeTitle: text('notice_title').notNull(),
    noticeNumber: text('notice_number').notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    /** Null when entered with the CLI (the name then says who ran it). */
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedByName: text('updated_by_name').notNull(),
  },
  (t) => [check('calendar_supplement_years_year_check', sql`${t.year} between 2000 and 2100`)],
);

/**
 * The year's days off (holiday) and make-up working days (workday). The date is the key, so a day is in one list
 * once; the checks hold the rules that are certain even against a hand-edited row: inside its year, and a make-up
 * working day on a Saturday or Sunday.
 */
export const calendarSupplementDays = pgTable(
  'calendar_supplement_days',
  {
    date: day('date').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => calendarSupplementYears.year, { onDelete: 'cascade' }),
    kind: text('kind').notNull().$type<'holiday' | 'workday'>(),
  },
  (t) => [
    index('calendar_supplement_days_year_idx').on(t.year),
    check('calendar_supplement_days_kind_check', sql`${t.kind} in ('holiday', 'workday')`),
    check('calendar_supplement_days_in_year_check', sql`extract(year from ${t.date}) = ${t.year}`),
    check('calendar_supplement_days_workday_weekend_check', sql`${t.kind} = 'holiday' or extract(isodow from ${t.date}) in (6, 7)`),
  ],
);
