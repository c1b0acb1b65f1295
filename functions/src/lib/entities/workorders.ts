import * as z from 'zod';
import { ownerSortKey, WORK_ORDER_STATES, type WoOwnerList } from '@yx/shared';
import { parseRow, type Item } from './entity';
import { openFields, sealFields } from '../pii';

/**
 * Work orders (工单) for appeals and community issues.
 * | work order        | WO#<no>            | WO               | gsi1 USERWO#<filer> / <createdAt>#<no>; gsi2 (handlingKeys) TEAM#<team> / <claimBy>#<no> |
 * |                   |                    |                  | while unclaimed, then OWNERWO#<owner> / doing#<replyBy>#<no> or done#<resolvedAt>#<no>  |
 * |                   |                    |                  | (ownerSortKey; none once returned or merged);                                          |
 * |                   |                    |                  | gsi3 STREETWO#<street> / <group>#<claimBy or replyBy or changedAt>#<no> (streetSortKey) |
 * | event (trail)     | WO#<no>            | EVT#<at>#<n>     | append-only, written with the change it records; side events EVT#<at>#<tag> |
 * | me-too / follower | WO#<no>            | METOO#<userId>   | |
 * | place index       | WOGEO#<cat>#<cell> | <createdAt>#<no> | geohash-7 cell, for "nearby open orders of this category" |
 * | month index       | WOALL#<yyyy-mm>    | <createdAt>#<no> | the district's list by month (Open311) |
 * | firm index        | FIRMWO#<code>      | <createdAt>#<no> | orders complaining about a firm (投诉对象, issue 20), only those |
 */
export const keys = {
  workOrder: (no: string) => ({ pk: `WO#${no}`, sk: 'WO' }),
  woPk: (no: string) => `WO#${no}`,
  event: (no: string, at: string, n: number) => ({ pk: `WO#${no}`, sk: `EVT#${at}#${String(n).padStart(3, '0')}` }),
  sideEvent: (no: string, at: string, tag: string) => ({ pk: `WO#${no}`, sk: `EVT#${at}#${tag}` }),
  follower: (no: string, userId: string) => ({ pk: `WO#${no}`, sk: `METOO#${userId}` }),
  filer: (userId: string, createdAt: string, no: string) => ({ gsi1pk: `USERWO#${userId}`, gsi1sk: `${createdAt}#${no}` }),
  filerPk: (userId: string) => `USERWO#${userId}`,
  team: (teamId: string, claimBy: string, no: string) => ({ gsi2pk: `TEAM#${teamId}`, gsi2sk: `${claimBy}#${no}` }),
  teamPk: (teamId: string) => `TEAM#${teamId}`,
  /** the officer's own orders (我处理中 / 已办结), on gsi2 like the team's queue, which the order has left once claimed */
  owner: (userId: string, sortKey: string) => ({ gsi2pk: `OWNERWO#${userId}`, gsi2sk: sortKey }),
  ownerPk: (userId: string) => `OWNERWO#${userId}`,
  ownerListPrefix: (list: WoOwnerList) => `${list}#`,
  /** the street dispatcher's list: by tab, the most urgent (or newest) first */
  street: (street: string, sortKey: string) => ({ gsi3pk: `STREETWO#${street}`, gsi3sk: sortKey }),
  streetPk: (street: string) => `STREETWO#${street}`,
  streetGroupPrefix: (group: string) => `${group}#`,
  place: (categoryId: string, cell: string, createdAt: string, no: string) => ({ pk: `WOGEO#${categoryId}#${cell}`, sk: `${createdAt}#${no}` }),
  placePk: (categoryId: string, cell: string) => `WOGEO#${categoryId}#${cell}`,
  month: (createdAt: string, no: string) => ({ pk: `WOALL#${createdAt.slice(0, 7)}`, sk: `${createdAt}#${no}` }),
  monthPk: (month: string) => `WOALL#${month}`,
  /** the complaints about a firm (投诉对象), newest last: a sparse index, one row per order that names a firm */
  aboutFirm: (creditCode: string, createdAt: string, no: string) => ({ pk: `FIRMWO#${creditCode}`, sk: `${createdAt}#${no}` }),
  aboutFirmPk: (creditCode: string) => `FIRMWO#${creditCode}`,
  /** the daily sequence of order numbers shares the application counter's partition, under its own day key */
  sequenceDay: (day: string) => `WO${day}`,
};

/** What a row of the order's partition is, by its sort key. */
export const rowKind = (sk: string): 'order' | 'event' | 'follower' | 'other' =>
  sk === 'WO' ? 'order' : sk.startsWith('EVT#') ? 'event' : sk.startsWith('METOO#') ? 'follower' : 'other';
export const followerOf = (sk: string) => sk.slice('METOO#'.length);

/** orders placed nowhere in particular (a department appeal without a street) are the district's to oversee */
export const NO_STREET = '_district';

/**
 * Where the order is listed on gsi2, following its state: its team's queue while waiting to be claimed, its owner's
 * 我处理中 / 已办结 once claimed (ownerSortKey), nowhere once out of anyone's hands (returned, merged as a duplicate).
 */
export function handlingKeys(wo: {
  no: string;
  state: (typeof WORK_ORDER_STATES)[number];
  teamId: string;
  claimBy: string;
  replyBy: string;
  ownerId?: string | null;
  resolvedAt?: string;
  duplicateOf?: string;
}): { gsi2pk: string; gsi2sk: string } | undefined {
  if (wo.state === 'dispatched') return keys.team(wo.teamId, wo.claimBy, wo.no);
  const own = ownerSortKey(wo);
  return own && wo.ownerId ? keys.owner(wo.ownerId, own.sortKey) : undefined;
}

const State = z.enum(WORK_ORDER_STATES);
const Place = z.object({ lat: z.number(), lng: z.number(), address: z.string() });

const WorkOrderSchema = z.object({
  no: z.string(),
  kind: z.enum(['appeal', 'community']),
  categoryId: z.string(),
  categoryPath: z.string(),
  teamId: z.string(), // dept:<id> or grid:<street>
  teamName: z.string(),
  street: z.string().optional(), // the street whose dispatcher oversees it
  state: State,
  version: z.number(),
  description: z.string(),
  photoIds: z.array(z.string()),
  place: Place.optional(),
  geohash: z.string().optional(),
  filerId: z.string(),
  filerRole: z.string(),
  filerDisplay: z.string(), // masked name or firm; 匿名 to the public when anonymous
  anonymous: z.boolean(),
  /** the filer chose to publish it in the open data feed (Open311); absent: not published */
  public: z.boolean().optional(),
  contactPhone: z.string().optional(), // shown masked to the handling team, so they can reach even an anonymous filer
  affected: z.number(),
  // a returned or re-dispatched order has no owner (stored as null)
  ownerId: z.string().nullish(),
  ownerName: z.string().nullish(),
  claimBy: z.string(),
  replyBy: z.string(),
  reopened: z.boolean(),
  rating: z.string().optional(),
  createdAt: z.string(),
  /** how the filer wants to hear back (联系方式偏好) */
  contactPreference: z.enum(['phone', 'message', 'none']).optional(),
  /** an enterprise's appeal is linked to the firm (统一社会信用代码) */
  enterpriseCode: z.string().optional(),
  enterpriseName: z.string().optional(),
  /** 投诉对象 (issue 20): the firm the order complains about, its code and registered name as at filing (public data) */
  aboutFirmCode: z.string().optional(),
  aboutFirmName: z.string().optional(),
  extension: z.object({ days: z.number(), reason: z.string(), status: z.enum(['requested', 'granted', 'refused']), at: z.string() }).optional(),
  escalatedAt: z.string().optional(),
  duplicateOf: z.string().optional(),
  result: z.string().optional(),
  /** when it was last resolved (办结答复) and when it closed: the dashboards' weeks and on-time rate */
  resolvedAt: z.string().optional(),
  closedAt: z.string().optional(),
  resultPhotoIds: z.array(z.string()).optional(),
});
export type WorkOrderRecord = z.output<typeof WorkOrderSchema>;

/** Sealed at rest (lib/pii): what the filer typed (it may hold a phone or ID number), their phone, the place. */
const WO_SEALED = ['description', 'contactPhone', 'place'] as const;

export const WorkOrder = {
  Schema: WorkOrderSchema,
  /** `streetSortKey`: its place in the street's list (shared/src/workorders/deadlines.ts) */
  toItem: (wo: WorkOrderRecord, streetSortKey: string): Item => ({
    ...keys.workOrder(wo.no),
    ...keys.filer(wo.filerId, wo.createdAt, wo.no),
    ...handlingKeys(wo),
    ...keys.street(wo.street ?? NO_STREET, streetSortKey),
    entity: 'WorkOrder',
    ...sealFields(wo, WO_SEALED, keys.workOrder(wo.no)),
  }),
  fromItem: (item: Item): WorkOrderRecord => parseRow(WorkOrderSchema, openFields(item, WO_SEALED)),
};

const EventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  from: State.optional(),
  to: State.optional(),
  note: z.string().optional(),
  photoIds: z.array(z.string()).optional(),
});
export type WoEvent = z.output<typeof EventSchema>;

export const WoEventRow = {
  Schema: EventSchema,
  toItem: (no: string, n: number, e: WoEvent): Item => ({ ...keys.event(no, e.at, n), entity: 'WoEvent', ...e }),
  /** an event outside the numbered changes (notes, extensions, escalation, duplicates), tagged by kind */
  sideItem: (no: string, tag: string, e: WoEvent): Item => ({ ...keys.sideEvent(no, e.at, tag), entity: 'WoEvent', ...e }),
  fromItem: (item: Item): WoEvent => parseRow(EventSchema, item),
};

export const Follower = {
  Schema: z.object({ at: z.string() }),
  toItem: (no: string, userId: string, at: string): Item => ({ ...keys.follower(no, userId), entity: 'WoFollower', at }),
};

export const WoPlace = {
  Schema: z.object({ no: z.string() }),
  toItem: (wo: Pick<WorkOrderRecord, 'no' | 'categoryId' | 'createdAt'>, cell: string): Item => ({
    ...keys.place(wo.categoryId, cell, wo.createdAt, wo.no),
    entity: 'WoPlace',
    no: wo.no,
  }),
  fromItem: (item: Item) => parseRow(WoPlace.Schema, item),
};

export const WoByMonth = {
  Schema: z.object({ no: z.string(), categoryId: z.string() }),
  toItem: (wo: Pick<WorkOrderRecord, 'no' | 'categoryId' | 'createdAt'>): Item => ({
    ...keys.month(wo.createdAt, wo.no),
    entity: 'WoByMonth',
    no: wo.no,
    categoryId: wo.categoryId,
  }),
  fromItem: (item: Item) => parseRow(WoByMonth.Schema, item),
};

/** 投诉对象: an order that complains about a firm, under the firm (keys.aboutFirm), so its complaints can be listed. */
export const WoAboutFirm = {
  Schema: z.object({ no: z.string(), categoryId: z.string() }),
  toItem: (wo: Pick<WorkOrderRecord, 'no' | 'categoryId' | 'createdAt'> & { aboutFirmCode: string }): Item => ({
    ...keys.aboutFirm(wo.aboutFirmCode, wo.createdAt, wo.no),
    entity: 'WoAboutFirm',
    no: wo.no,
    categoryId: wo.categoryId,
  }),
  fromItem: (item: Item) => parseRow(WoAboutFirm.Schema, item),
};
