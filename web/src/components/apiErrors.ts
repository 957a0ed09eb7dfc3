// Puts the server's field-level errors onto an Ant Design form, so a bad input is explained in place.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

export function applyApiErrors(form: FormInstance, e: unknown): string | null {
  if (!(e instanceof ApiError)) return String(e);
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const fields = e.details.filter((d) => known.has(d.field.split('.')[0]!));
  if (fields.length > 0) {
    form.setFields(fields.map((d) => ({ name: d.field.split('.')[0]!, errors: [d.message] })));
  }
  const rest = e.details.filter((d) => !known.has(d.field.split('.')[0]!));
  return fields.length > 0 && rest.length === 0 ? null : [e.message, ...rest.map((d) => `${d.field}: ${d.message}`)].join('；');
}
