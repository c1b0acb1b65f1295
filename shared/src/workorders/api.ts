import * as z from 'zod';
import { STREETS } from '../places/streets';
import { CategoryId } from './categories';
import { PlaceInYuexiu } from './geo';
import { WO_RATINGS } from './states';
import { WO_GROUPS } from './deadlines';

const StreetId = z.enum(STREETS.map((s) => s.id) as [string, ...string[]], { message: '请选择所在街道' });
const FileId = z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/, { message: '照片编号不正确' });

/** 诉求 / 一键呼叫: what a person files. Place is required for some categories (checked by the service). */
export const FileWorkOrderRequest = z.strictObject({
  categoryId: CategoryId,
  description: z.string().trim().min(5, { message: '请用至少 5 个字描述问题' }).max(1000),
  photoIds: z.array(FileId).max(9, { message: '最多 9 张照片' }).default([]),
  place: PlaceInYuexiu.optional(),
  street: StreetId.optional(),
  anonymous: z.boolean().default(false),
  contactPreference: z.enum(['phone', 'message', 'none'], { message: '请选择希望的联系方式' }).default('message'),
});
/** 联系方式偏好: how the filer wants to hear back. */
export const CONTACT_PREFERENCE_NAMES = { phone: '电话联系我', message: '只发消息通知', none: '无需回访' } as const;
export type FileWorkOrderRequest = z.infer<typeof FileWorkOrderRequest>;

export const NearbyQuery = z.strictObject({
  categoryId: CategoryId,
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
});

export const WoNoParams = z.strictObject({ no: z.string().trim().toUpperCase().regex(/^SQ\d{14}$/, { message: '应为 SQ 开头的 16 位工单编号' }) });
export const WoActionParams = WoNoParams.extend({ action: z.enum(['claim', 'start', 'resolve', 'return', 'redispatch'], { message: '没有这个操作' }) });
export const WoRateRequest = z.strictObject({ value: z.enum(WO_RATINGS), comment: z.string().trim().max(300).optional() });

/** 街道调度: a tab of the street's orders; the district admin may name a street (or `_district` for orders without one). */
export const StreetQuery = z.strictObject({ street: z.enum(['_district', ...STREETS.map((s) => s.id)] as [string, ...string[]], { message: '没有这个街道' }).optional() });
export const StreetOrdersQuery = StreetQuery.extend({
  group: z.enum(WO_GROUPS, { message: '没有这个分组' }).default('todo'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,600}$/, { message: '翻页位置不正确' }).optional(),
});
