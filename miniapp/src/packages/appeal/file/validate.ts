import { categoryById, FileWorkOrderRequest, leafCategories, WO_DESCRIPTION_MESSAGE, type LatLng, type UserView } from '@yx/shared';
import { streetCentre, type WoDraft } from './draft';

/** 我要反映 (appeal) or 一键呼叫 (community): which categories are offered. */
export type Mode = 'appeal' | 'community';
export type Errors = Record<string, string>;

/** The point an order will carry: the phone's location, or the chosen street's centre. */
export function pointOf(d: WoDraft): LatLng | undefined {
  if (d.locSource === 'gps') return d.gps;
  if (d.locSource === 'street') return streetCentre(d.street);
  return undefined;
}

/**
 * Everything checked before anything is sent: the shared schema (messages in Chinese) plus what
 * the service checks (a place for categories that need one, a street for grid-routed ones, a description — which a
 * grid official may leave out when there is a photo: 一键呼叫 —, a firm complained about that exists).
 */
export function validateDraft(d: WoDraft, opts: { mode: Mode; role: UserView['role']; fallbackStreet?: string; firmMissing?: string }) {
  const errors: Errors = {};
  const cat = d.categoryId ? categoryById(d.categoryId) : undefined;
  const point = pointOf(d);
  const address = d.address.trim();
  const described = d.description.trim().length > 0;
  const candidate = {
    categoryId: d.categoryId ?? '',
    ...(described ? { description: d.description } : {}),
    photoIds: d.photos.map((p) => p.fileId),
    ...(point ? { place: { lat: point.lat, lng: point.lng, address } } : {}),
    ...(d.street ? { street: d.street } : {}),
    anonymous: opts.role === 'resident' && d.anonymous,
    ...(opts.role !== 'grid' && d.public ? { public: true } : {}),
    contactPreference: d.contactPreference ?? 'message',
    ...(d.aboutFirm ? { aboutFirm: d.aboutFirm.code } : {}),
  };
  const r = FileWorkOrderRequest.safeParse(candidate);
  if (!r.success) {
    for (const i of r.error.issues) {
      const [head, sub] = i.path.map(String);
      const k = head === 'place' ? (sub === 'address' ? 'address' : 'place') : (head ?? 'form');
      errors[k] ??= i.message;
    }
  }
  // 投诉对象 the registry does not know (the profile said 404): the server would refuse it too
  if (d.aboutFirm && opts.firmMissing) errors.aboutFirm ??= opts.firmMissing;
  if (!described && opts.role !== 'grid') errors.description ??= WO_DESCRIPTION_MESSAGE;
  if (!described && opts.role === 'grid' && !d.photos.length) errors.photoIds ??= '请拍一张现场照片，或填写问题描述';
  if (errors.categoryId && opts.mode === 'community') errors.categoryId = '请选择问题分类';
  if (cat && !leafCategories(opts.mode).some((c) => c.id === cat.id)) errors.categoryId = '请重新选择分类';
  if (cat?.placeRequired && !point) errors.place ??= '该类问题需要提供位置：请点“获取当前位置”，或使用街道中心位置';
  if (!point && address) errors.place ??= '请先获取当前位置或使用街道中心位置，地址才能一并提交';
  if (cat?.routeTo.type === 'grid' && !d.street && !opts.fallbackStreet) errors.street ??= '请选择所在街道';
  return { body: r.success && !Object.keys(errors).length ? r.data : undefined, errors };
}
