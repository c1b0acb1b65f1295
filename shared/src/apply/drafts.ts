import type { FieldDef, FormDef } from './form';
import { requiredMaterialNames } from './forms';

/**
 * A draft opened against a form that changed since it was saved (the catalogue moved a material, so the keys by
 * position m0, m1, … now name other materials). Every draft carries the fingerprints of the fields it answered
 * (`fields`: key → `fieldPrint`), saved with it on the phone and on the server; `mergeDraft` keeps an answer only
 * where the field still means the same thing, and names what the person has to give again.
 *
 * The rule:
 * - a draft with fingerprints: an answer is kept when the form still has a field of that key whose fingerprint
 *   (key, type, label, material name) is the one saved, and its value still fits the field's type;
 * - an old draft without them: a typed answer (not a file) is kept when the key still exists and its value fits the
 *   field's type; a material's answer is dropped, since an upload's file id says nothing of the material it was given
 *   for, unless it is only e-licences of the very type that field takes (the wallet says each licence's type);
 * - 容缺 choices are kept for materials the form still requires (they are stored by material name).
 * The dropped answers are named: the materials to upload again (the field of that key is still a material), the
 * fields to type again (still asked, not pre-filled), and how many answers belong to fields the form no longer has.
 */

/** A short, stable fingerprint of what a field means: its key, type, label and, for a material, the material's name. */
export function fieldPrint(field: Pick<FieldDef, 'key' | 'type' | 'label' | 'materialName'>): string {
  return hash53([field.key, field.type, field.label, field.materialName ?? ''].join('\u0000'));
}

/** The fingerprints of the fields `answers` answers (by key), saved with the draft; keys that are not fields are left out. */
export function draftPrints(form: FormDef, answers: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(form.fields.filter((f) => answers[f.key] !== undefined).map((f) => [f.key, fieldPrint(f)]));
}

/** A draft as saved: what `mergeDraft` reads. */
export interface SavedDraft {
  answers: Readonly<Record<string, unknown>>;
  deferred?: readonly string[];
  /** key → `fieldPrint` of the field when the answer was saved; absent in drafts saved before fingerprints. */
  fields?: Readonly<Record<string, string>>;
}

/** What else the page knows (`FormPayload` has all three): the prefill, the wallet and the licence type each material takes. */
export interface MergeContext {
  prefill?: Readonly<Record<string, unknown>>;
  licences?: readonly { id: string; type: string }[];
  /** field key → the e-licence type that can stand for the material (null: upload only) */
  licenceTypes?: Readonly<Record<string, string | null>>;
}

export interface DraftMerge {
  /** the pre-filled answers, then the draft's answers that still fit */
  answers: Record<string, unknown>;
  /** 容缺 choices for materials the form still requires */
  deferred: string[];
  /** material names (the form's current ones) whose upload or e-licence was dropped: to be given again */
  reupload: string[];
  /** labels of typed fields whose answer was dropped and that the prefill does not fill again */
  refill: string[];
  /** how many dropped answers belong to fields the form no longer has (or now asks something of another kind) */
  removed: number;
}

const isFileAnswer = (v: unknown) => Array.isArray(v);

/** Whether a stored value has the shape of the field's answers (a choice: one of its options). */
function fitsType(field: FieldDef, value: unknown): boolean {
  if (field.type === 'file') return isFileAnswer(value);
  if (field.type === 'number') return typeof value === 'number';
  if (typeof value !== 'string') return false;
  return field.type !== 'choice' || (field.options ?? []).some((o) => o.value === value);
}

/** An old draft's material answer that is provably that material's: only e-licences of the type the field takes. */
function licencesOfField(field: FieldDef, value: unknown, ctx: MergeContext): boolean {
  const type = ctx.licenceTypes?.[field.key];
  if (!type || !Array.isArray(value) || value.length === 0) return false;
  const wallet = new Map((ctx.licences ?? []).map((l) => [l.id, l.type]));
  return value.every((r: { kind?: unknown; licenceId?: unknown }) => r?.kind === 'elicence' && wallet.get(String(r.licenceId)) === type);
}

/** Whether an answer saved without fingerprints may stay: a typed one where its key is; a material's only if proven. */
const legacyFits = (field: FieldDef, value: unknown, ctx: MergeContext) => field.type !== 'file' || licencesOfField(field, value, ctx);

/** The draft's answers that still mean the same thing in `form`, under the prefill; see the rule above. */
export function mergeDraft(form: FormDef, draft: SavedDraft | undefined, ctx: MergeContext = {}): DraftMerge {
  const prefill = ctx.prefill ?? {};
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  const kept: Record<string, unknown> = {};
  const reupload: string[] = [];
  const refill: string[] = [];
  let removed = 0;
  for (const [key, value] of Object.entries(draft?.answers ?? {})) {
    const field = byKey.get(key);
    const same = field !== undefined && fitsType(field, value) && (draft?.fields ? draft.fields[key] === fieldPrint(field) : legacyFits(field, value, ctx));
    if (same) kept[key] = value;
    else if (field?.type === 'file' && isFileAnswer(value)) reupload.push(field.materialName ?? field.label);
    else if (field && field.type !== 'file' && !isFileAnswer(value)) {
      if (prefill[key] === undefined) refill.push(field.label);
    } else removed++;
  }
  const required = new Set(requiredMaterialNames(form));
  return {
    answers: { ...prefill, ...kept },
    deferred: (draft?.deferred ?? []).filter((name) => required.has(name)),
    reupload,
    refill,
    removed,
  };
}

/** What to tell the person about the answers `mergeDraft` dropped, one sentence each; empty when nothing was. */
export function draftChangeNotice(m: Pick<DraftMerge, 'reupload' | 'refill' | 'removed'>): string[] {
  return [
    m.reupload.length ? `办事指南更新了所需材料，请重新上传：${m.reupload.join('、')}` : '',
    m.refill.length ? `申请表有调整，请重新填写：${m.refill.join('、')}` : '',
    m.removed ? `另有 ${m.removed} 项已填写或上传的内容现在不再需要，已移除。` : '',
  ].filter(Boolean);
}

/** cyrb53: a 53-bit string hash (pure arithmetic, so it runs in the mini-program too), in base 36. */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
