// Reading an Ant Design form before sending it. `form.validateFields()` rejects when a field is invalid, after the
// form has already put the reason under the field; awaited outside a try/catch, that rejection goes unhandled (a
// page error in the console) although nothing is wrong but the input.

/** Whether `e` is validateFields' rejection for invalid fields (`{ errorFields, values, outOfDate }`). */
export function isValidationFailure(e: unknown): boolean {
  return typeof e === 'object' && e !== null && Array.isArray((e as { errorFields?: unknown }).errorFields);
}

/** The form's values when every field is valid; null when one is not (the form shows which). Other errors pass on. */
export async function validValues<V>(form: { validateFields: () => Promise<V> }): Promise<V | null> {
  try {
    return await form.validateFields();
  } catch (e) {
    if (isValidationFailure(e)) return null;
    throw e;
  }
}
