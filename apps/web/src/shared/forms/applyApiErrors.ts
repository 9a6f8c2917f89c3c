import type { FormInstance } from 'antd';
import { isApiError } from '../api/client';

type NamePath = (string | number)[];

/**
 * Puts the API's `details[].field` problems on the matching form fields, so the user sees them where
 * they type. The server names fields as `body.name` or `body.sysadmin.password`; an array element
 * (`body.technicalFields.2`) lands on its array field. Returns whether any field was marked.
 */
export function applyApiErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.details.length === 0) return false;
  const registered = new Map(form.getFieldsError().map((field) => [field.name.join('.'), field.name as NamePath]));
  const errorsByField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const detail of error.details) {
    if (!detail.field) continue;
    const parts = detail.field.replace(/^body\./, '').split('.');
    // Walk up from the most specific path until one names a field on this form.
    for (let length = parts.length; length > 0; length--) {
      const key = parts.slice(0, length).join('.');
      const name = registered.get(key);
      if (!name) continue;
      const entry = errorsByField.get(key) ?? { name, errors: [] };
      entry.errors.push(detail.message);
      errorsByField.set(key, entry);
      break;
    }
  }
  form.setFields([...errorsByField.values()].map(({ name, errors }) => ({ name, errors })));
  return errorsByField.size > 0;
}
