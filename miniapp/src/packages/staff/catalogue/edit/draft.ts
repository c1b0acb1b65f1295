import type { Audience, CatalogueItemView, DeliveryMethod, ExcludedKind, ItemField, NewCatalogueItem } from '@yx/shared';

/** The editor's state: what the admin writes of an item, as the inputs hold it (numbers as typed, conditions one a line). */
export interface MaterialDraft {
  name: string;
  required: boolean;
  eLicence: string | null;
}
export interface ItemDraft {
  name: string;
  departmentId: string;
  audience: Audience[];
  summary: string;
  conditions: string;
  materials: MaterialDraft[];
  fields: ItemField[];
  promisedDays: string;
  statutoryDays: string;
  online: boolean;
  assurance: 1 | 2;
  deferrable: boolean;
  excludedKinds: ExcludedKind[];
  delivery: DeliveryMethod[];
}

export const emptyDraft = (): ItemDraft => ({
  name: '',
  departmentId: '',
  audience: ['person'],
  summary: '',
  conditions: '',
  materials: [{ name: '居民身份证', required: true, eLicence: 'id-card' }],
  fields: [],
  promisedDays: '5',
  statutoryDays: '20',
  online: true,
  assurance: 2,
  deferrable: false,
  excludedKinds: [],
  delivery: ['pickup'],
});

/** The editor's state from the item's current version. */
export function draftOf(view: CatalogueItemView): ItemDraft {
  const i = view.item;
  return {
    name: i.name,
    departmentId: i.departmentId,
    audience: i.audience,
    summary: i.summary,
    conditions: i.conditions.join('\n'),
    materials: i.materials.map((m) => ({ name: m.name, required: m.required, eLicence: m.eLicence })),
    fields: view.fields,
    promisedDays: String(i.promisedDays),
    statutoryDays: String(i.statutoryDays),
    online: i.online,
    assurance: i.assurance,
    deferrable: i.deferrable,
    excludedKinds: i.excludedKinds,
    delivery: i.delivery,
  };
}

const number = (s: string) => (/^\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : (s as unknown as number));

/**
 * The request body (checked by the shared schema before it is sent). A material the version edited had keeps what
 * the admin cannot change here (its form, source and instruction); a new one gets the defaults.
 */
export function bodyOf(d: ItemDraft, before?: CatalogueItemView): Omit<NewCatalogueItem, 'id'> {
  const known = new Map((before?.item.materials ?? []).map((m) => [m.name, m]));
  return {
    name: d.name.trim(),
    departmentId: d.departmentId,
    audience: d.audience,
    summary: d.summary.trim(),
    conditions: d.conditions
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean),
    materials: d.materials.map((m) => {
      const was = known.get(m.name.trim());
      return {
        name: m.name.trim(),
        required: m.required,
        eLicence: m.eLicence as never,
        ...(was ? { form: was.form, source: was.source, instruction: was.instruction } : {}),
      };
    }),
    fields: d.fields,
    promisedDays: number(d.promisedDays),
    statutoryDays: number(d.statutoryDays),
    online: d.online,
    assurance: d.assurance,
    deferrable: d.deferrable,
    excludedKinds: d.excludedKinds,
    delivery: d.delivery,
  };
}

/** A key for a new question, never shown: `q` and six letters or digits (the API takes `^[a-z][A-Za-z0-9]{1,39}$`). */
export const newFieldKey = (taken: string[]): string => {
  for (;;) {
    const key = `q${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`;
    if (!taken.includes(key)) return key;
  }
};
