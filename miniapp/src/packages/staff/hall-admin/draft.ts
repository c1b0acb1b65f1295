import { hoursText, PointInput, type OpeningHours } from '@yx/shared';
import type * as z from 'zod';
import type { PointAdminView } from '../../../api/appointments';

/**
 * 办事地点设置 as the admin types it: numbers and times stay strings (nothing typed is lost on an error), and the body
 * made from it is checked by the shared `PointInput` (with its cross-checks) before it is sent.
 */

export const SLOT_LENGTHS = [15, 20, 30, 60] as const;
export type SlotLength = (typeof SLOT_LENGTHS)[number];
export const MAX_RANGES = 4;
export const MAX_AREAS = 10;
export const MAX_WINDOWS = 60;
/** A street centre's own staff (a window's departmentId). */
export const STREET_STAFF = 'street';

export interface RangeDraft {
  key: string;
  start: string;
  end: string;
}
export interface AreaDraft {
  key: string;
  prefix: string;
  name: string;
  itemIds: string[];
}
export interface WindowDraft {
  key: string;
  no: string;
  prefix: string;
  departmentId: string;
  extended: boolean;
}
export type RangeKind = 'workday' | 'weekend' | 'holiday';

export interface PointDraft {
  kind: 'hall' | 'street';
  streetId?: string;
  name: string;
  address: string;
  phone: string;
  lat: string;
  lng: string;
  geofenceMeters: string;
  slotMinutes: SlotLength;
  capacityPerWindow: string;
  workday: RangeDraft[];
  weekend: RangeDraft[];
  holiday: RangeDraft[];
  /** 6 = 周六, 7 = 周日 */
  weekendDays: number[];
  eveningOn: boolean;
  eveningDays: number[];
  evening: { start: string; end: string };
  areas: AreaDraft[];
  windows: WindowDraft[];
}

let seq = 0;
export const newKey = () => `h${++seq}`;

const ranges = (rs: { start: string; end: string }[]): RangeDraft[] => rs.map((r) => ({ key: newKey(), start: r.start, end: r.end }));
const slotLength = (m: number): SlotLength => ((SLOT_LENGTHS as readonly number[]).includes(m) ? (m as SlotLength) : 30);

export function draftOf(p: PointAdminView): PointDraft {
  return {
    kind: p.kind,
    streetId: p.streetId,
    name: p.name,
    address: p.address,
    phone: p.phone ?? '',
    lat: String(p.lat),
    lng: String(p.lng),
    geofenceMeters: String(p.geofenceMeters),
    slotMinutes: slotLength(p.slotMinutes),
    capacityPerWindow: String(p.capacityPerWindow),
    workday: ranges(p.hours.workday),
    weekend: ranges(p.hours.weekend),
    holiday: ranges(p.hours.holiday),
    weekendDays: p.hours.weekendDays ?? [6, 7],
    eveningOn: Boolean(p.hours.evening),
    eveningDays: p.hours.evening?.weekdays ?? [2, 4],
    evening: p.hours.evening ? { ...p.hours.evening.range } : { start: '17:30', end: '20:00' },
    areas: p.areas.map((a) => ({ key: newKey(), prefix: a.prefix, name: a.name, itemIds: [...a.itemIds] })),
    windows: p.windows.map((w) => ({ key: newKey(), no: String(w.no), prefix: w.prefix, departmentId: w.departmentId, extended: w.extended })),
  };
}

/** A typed number as the schema should see it: '' is missing, anything else goes through Number. */
export function num(s: string): number | undefined {
  const t = s.trim();
  return t === '' ? undefined : Number(t);
}

const plain = (rs: RangeDraft[]) => rs.map((r) => ({ start: r.start.trim(), end: r.end.trim() }));
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** The hours as drafted (the weekend days left out when both, as the seeds have them; none without weekend hours). */
export function hoursOf(d: PointDraft): OpeningHours {
  const days = sorted(d.weekendDays);
  return {
    workday: plain(d.workday),
    weekend: plain(d.weekend),
    holiday: plain(d.holiday),
    ...(d.weekend.length && days.length !== 2 ? { weekendDays: days } : {}),
    ...(d.eveningOn ? { evening: { weekdays: sorted(d.eveningDays), range: { start: d.evening.start.trim(), end: d.evening.end.trim() } } } : {}),
  };
}

/** The hours in words, as residents will read them on the point's card. */
export const draftHoursText = (d: PointDraft) => hoursText(hoursOf(d));

/** What would be sent, before the shared schema has looked at it. */
export function candidateOf(d: PointDraft, expectedVersion: number) {
  const phone = d.phone.trim();
  return {
    name: d.name,
    kind: d.kind,
    ...(d.streetId ? { streetId: d.streetId } : {}),
    address: d.address,
    ...(phone ? { phone } : {}),
    lat: num(d.lat),
    lng: num(d.lng),
    geofenceMeters: num(d.geofenceMeters),
    areas: d.areas.map((a) => ({ prefix: a.prefix.trim().toUpperCase(), name: a.name, itemIds: a.itemIds })),
    windows: d.windows.map((w) => ({ no: num(w.no), prefix: w.prefix, departmentId: w.departmentId, extended: w.extended })),
    hours: hoursOf(d),
    slotMinutes: d.slotMinutes,
    capacityPerWindow: num(d.capacityPerWindow),
    expectedVersion,
  };
}

/** The first message per field ("windows.1.no", "hours.workday.0.end"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const k = i.path.map(String).join('.');
    if (!out[k]) out[k] = i.message;
  }
  return out;
}

export function validate(d: PointDraft, expectedVersion: number): { body?: PointInput; errors: Record<string, string> } {
  const r = PointInput.safeParse(candidateOf(d, expectedVersion));
  return r.success ? { body: r.data, errors: {} } : { errors: fieldErrorsOf(r.error) };
}

/** The server's field messages (a 400) under the fields, without the 「字段：」 it puts in front. */
export const serverErrors = (details?: { field: string; message: string }[]) => {
  const out: Record<string, string> = {};
  for (const x of details ?? []) out[x.field.replace(/^body\./, '')] ??= x.message.replace(/^[^：]*：/, '');
  return out;
};

/** The message at a field or anything under it ("areas.0" also finds "areas.0.itemIds.2"). */
export function errUnder(errors: Record<string, string>, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const k = Object.keys(errors).find((e) => e.startsWith(`${key}.`));
  return k ? errors[k] : undefined;
}

/** The next free area letter (A, B, …). */
export function nextPrefix(areas: AreaDraft[]): string {
  const used = new Set(areas.map((a) => a.prefix.trim().toUpperCase()));
  for (let c = 65; c <= 90; c++) if (!used.has(String.fromCharCode(c))) return String.fromCharCode(c);
  return '';
}

/** The next window number after the highest. */
export const nextWindowNo = (windows: WindowDraft[]) => String(Math.min(99, Math.max(0, ...windows.map((w) => num(w.no) ?? 0).filter(Number.isFinite)) + 1));
