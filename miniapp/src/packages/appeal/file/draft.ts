import Taro from '@tarojs/taro';
import { categoryById, CONSUMER_COMPLAINT_CATEGORY, CONTACT_PREFERENCE_NAMES, streetName, STREETS, type LatLng, type UserView } from '@yx/shared';
import { newIdempotencyKey as newKey } from '../../../api/client';
import type { Uploaded } from '../../../api/upload';

/** The filing page's own pieces: street centres, the filer's street, and the draft kept on the phone. */

/**
 * Approximate centres of the 18 streets (GCJ-02, as Taro.getLocation({ type: 'gcj02' }) gives),
 * all inside YUEXIU_BOUNDS. Used when the phone cannot tell where it is: the order still carries a
 * point in the right street, and the typed address says exactly where.
 */
export const STREET_CENTRES: Record<(typeof STREETS)[number]['id'], LatLng> = {
  beijing: { lat: 23.1258, lng: 113.269 },
  renmin: { lat: 23.1245, lng: 113.257 },
  hongqiao: { lat: 23.137, lng: 113.26 },
  liuhua: { lat: 23.144, lng: 113.255 },
  guangta: { lat: 23.1265, lng: 113.26 },
  liurong: { lat: 23.131, lng: 113.262 },
  dongshan: { lat: 23.127, lng: 113.292 },
  nonglin: { lat: 23.132, lng: 113.293 },
  meihuacun: { lat: 23.134, lng: 113.299 },
  huanghuagang: { lat: 23.139, lng: 113.29 },
  huale: { lat: 23.141, lng: 113.282 },
  jianshe: { lat: 23.134, lng: 113.282 },
  datang: { lat: 23.124, lng: 113.278 },
  zhuguang: { lat: 23.119, lng: 113.276 },
  dadong: { lat: 23.127, lng: 113.283 },
  baiyun: { lat: 23.12, lng: 113.299 },
  dengfeng: { lat: 23.15, lng: 113.295 },
  kuangquan: { lat: 23.16, lng: 113.255 },
};

export const streetCentre = (street: string | undefined): LatLng | undefined => (street ? STREET_CENTRES[street as keyof typeof STREET_CENTRES] : undefined);

/**
 * The street of a logged-in user, if known: a `street` id when the session carries one, else
 * read from the area text (e.g. 北京街道/府前社区 for a grid official).
 */
export function sessionStreet(user: UserView | undefined): string | undefined {
  if (!user) return undefined;
  const id = (user as UserView & { street?: string }).street;
  if (id && STREETS.some((s) => s.id === id)) return id;
  const area = user.area ?? '';
  return STREETS.find((s) => area.startsWith(s.name) || area.startsWith(s.name.replace(/街道$/, '街')))?.id;
}

// ---- the filing draft, kept on the phone ---------------------------------------------------------

export type LocationSource = 'gps' | 'street';
export type ContactPreference = keyof typeof CONTACT_PREFERENCE_NAMES;

/** What a person has entered so far, with the idempotency key of its submission. */
export interface WoDraft {
  group?: string;
  categoryId?: string;
  description: string;
  photos: Uploaded[];
  /** Where the point comes from: the phone's location, or the chosen street's centre. */
  locSource?: LocationSource;
  gps?: LatLng;
  address: string;
  street?: string;
  anonymous: boolean;
  /** 公开到政务开放数据: off unless the person turns it on */
  public?: boolean;
  /** 投诉对象 (我要投诉 from a merchant's credit page): the firm's code, and its name once read. */
  aboutFirm?: { code: string; name?: string };
  /** 联系方式偏好; 只发消息通知 when not chosen (drafts saved before the choice existed). */
  contactPreference?: ContactPreference;
  /** Kept until the order is created, so a retry after a lost answer files it once. */
  idemKey: string;
  savedAt: string;
}

/** A complaint about a firm is a draft of its own (one per firm), so the person's other draft is left as it was. */
const draftKey = (userId: string, mode: 'appeal' | 'community', firm?: string) => `yx.wo.draft.${mode}.${userId}${firm ? `.firm.${firm}` : ''}`;

export const newIdempotencyKey = () => newKey('wo');

export function emptyDraft(street?: string): WoDraft {
  return {
    description: '',
    photos: [],
    address: '',
    street,
    anonymous: false,
    contactPreference: 'message',
    idemKey: newIdempotencyKey(),
    savedAt: new Date().toISOString(),
  };
}

/**
 * A new draft for this person: 一键呼叫 starts at the official's own street (its centre and area), refined by GPS or
 * typing; a complaint about a firm (我要投诉) starts with the firm and 消费投诉 chosen.
 */
export function freshDraft(user: UserView, firm?: string): WoDraft {
  const street = sessionStreet(user);
  if (firm) {
    const category = categoryById(CONSUMER_COMPLAINT_CATEGORY);
    return { ...emptyDraft(street), aboutFirm: { code: firm }, categoryId: CONSUMER_COMPLAINT_CATEGORY, group: category?.parentId ?? undefined };
  }
  if (user.role !== 'grid' || !street) return emptyDraft(street);
  return { ...emptyDraft(street), locSource: 'street', address: (user.area ?? streetName(street) ?? '').replace(/\//g, ' ') };
}

export function loadWoDraft(userId: string, mode: 'appeal' | 'community', firm?: string): WoDraft | undefined {
  try {
    const d = Taro.getStorageSync(draftKey(userId, mode, firm)) as WoDraft | '';
    return d && d.idemKey ? d : undefined;
  } catch {
    return undefined;
  }
}

export function saveWoDraft(userId: string, mode: 'appeal' | 'community', d: WoDraft, firm?: string): void {
  try {
    Taro.setStorageSync(draftKey(userId, mode, firm), d);
  } catch {
    /* storage full: the page still holds it */
  }
}

export function clearWoDraft(userId: string, mode: 'appeal' | 'community', firm?: string): void {
  try {
    Taro.removeStorageSync(draftKey(userId, mode, firm));
  } catch {
    /* ignore */
  }
}

// ---- 一键呼叫: the category a grid official used last, kept on the phone per person --------------------

const lastCategoryKey = (userId: string) => `yx.wo.lastCategory.${userId}`;

/** The category this person chose or filed under last in 一键呼叫 (any, not checked here). */
export function loadLastCategory(userId: string): string | undefined {
  try {
    const v = Taro.getStorageSync(lastCategoryKey(userId)) as string | '';
    return v || undefined;
  } catch {
    return undefined;
  }
}

export function saveLastCategory(userId: string, categoryId: string): void {
  try {
    Taro.setStorageSync(lastCategoryKey(userId), categoryId);
  } catch {
    /* storage full: chosen again next time */
  }
}
