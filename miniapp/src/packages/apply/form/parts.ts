import type { FieldDef, FileRef, FormDef } from '@yx/shared';
import type { Dispatch, SetStateAction } from 'react';
import type { LocalDraft } from '../draftStore';

/** The last step, after the form's own sections. */
export const REVIEW = '核对信息';

/** A message per field key (and `_commitment` for the 信用承诺). */
export type Errors = Record<string, string>;
export type SetErrors = Dispatch<SetStateAction<Errors>>;

/** What `update` takes: a change, or a change worked out from the latest draft (after an await, the draft of the tap is stale). */
export type DraftChange = Partial<LocalDraft> | ((d: LocalDraft) => Partial<LocalDraft>);
export type UpdateDraft = (change: DraftChange) => void;

/** The name a material is deferred (容缺) by. */
export const deferName = (f: FieldDef) => f.materialName ?? f.label;

/** The form with deferred materials made optional, as the server validates it. */
export function withDeferred(form: FormDef, deferred: string[]): FormDef {
  return { ...form, fields: form.fields.map((f) => (f.type === 'file' && deferred.includes(deferName(f)) ? { ...f, required: false } : f)) };
}

/** The answers with `key` set to `value`, or without it when the value is empty. */
export function withAnswer(answers: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const next = { ...answers };
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}

/** The files given so far for a file field. */
export const refsOf = (answers: Record<string, unknown>, key: string) => (answers[key] as FileRef[] | undefined) ?? [];

/** Removes the given keys' messages. */
export const without =
  (...keys: string[]) =>
  (e: Errors): Errors =>
    Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k)));

/** An answer as the review step shows it. */
export function display(field: FieldDef, value: unknown, names: Record<string, string>): string {
  if (value === undefined || value === '' || value === null) return '未填写';
  if (field.type === 'choice') return field.options?.find((o) => o.value === value)?.label ?? String(value);
  if (field.type === 'file')
    return (value as FileRef[]).map((r) => (r.kind === 'upload' ? `📎 ${names[r.fileId] ?? '文件'}` : `电子证照：${names[r.licenceId] ?? ''}`)).join('，');
  return String(value);
}
