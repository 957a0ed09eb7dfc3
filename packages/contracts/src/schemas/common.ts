import { z } from 'zod';
import { calendarDate, safeString } from '../input';

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() }).strict();

/** A calendar date that travels as text on both database engines: a real day within 1900–2100. */
export const isoDate = calendarDate();

/** Mobile (11 digits starting 1) or landline with area code, e.g. 0755-28888888. */
export const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, { error: 'phone.format' });

export const areaCode = safeString().regex(/^(\d{6}|\d{9}|\d{12}|\d{15})$/, { error: 'areaCode.format' });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const okResponse = z.object({ ok: z.literal(true) });

/** 'YYYY-MM', a real month within 2000–2100 (work-plan reports, grid coverage). */
export const yearMonth = safeString().regex(/^(20\d{2}|2100)-(0[1-9]|1[0-2])$/, { error: 'month.format' });
