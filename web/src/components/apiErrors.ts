// Puts the server's field-level errors onto an Ant Design form, so a bad input is explained in place; and joins the
// server's messages for a toast as the UI's language writes a list.
import type { FormInstance } from 'antd';
import { ApiError, apiLanguage } from '../api/client';

/**
 * The server's messages as one text. They come in the UI's language (each request asks for it), so they are joined as
 * that language writes a list: '；' in Chinese, '; ' in English.
 */
export function joinMessages(messages: readonly string[]): string {
  return messages.join(apiLanguage() === 'en' ? '; ' : '；');
}

/**
 * `rename` maps a server field path to the form field that holds it, for a form whose fields are not shaped like the
 * request body (the report form's flat reporterPhone is the body's reporter.phone). Without it a field is matched by
 * its path's first segment.
 */
export function applyApiErrors(
  form: Pick<FormInstance, 'getFieldsValue' | 'setFields'>,
  e: unknown,
  rename: Record<string, string> = {},
): string | null {
  if (!(e instanceof ApiError)) return String(e);
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const nameOf = (field: string) => rename[field] ?? field.split('.')[0]!;
  const fields = e.details.filter((d) => known.has(nameOf(d.field)));
  if (fields.length > 0) {
    form.setFields(fields.map((d) => ({ name: nameOf(d.field), errors: [d.message] })));
  }
  const rest = e.details.filter((d) => !known.has(nameOf(d.field)));
  return fields.length > 0 && rest.length === 0 ? null : joinMessages([e.message, ...rest.map((d) => `${d.field}: ${d.message}`)]);
}
