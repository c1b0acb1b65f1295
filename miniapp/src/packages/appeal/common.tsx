import { newIdempotencyKey as newKey } from '../../api/client';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CONTACT_PREFERENCE_NAMES, STREETS, type LatLng, type UserView, type WorkOrderState } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../api/client';
import { pickAndUploadImage, type Uploaded } from '../../api/upload';

/** Pieces the 诉求 pages share: page addresses, street centres, the state tag and the local draft. */

export const APPEAL_PAGES = {
  file: '/packages/appeal/file/index',
  mine: '/packages/appeal/mine/index',
  detail: '/packages/appeal/detail/index',
  team: '/packages/appeal/team/index',
  street: '/packages/appeal/street/index',
} as const;

export const openWorkOrder = (no: string) => Taro.navigateTo({ url: `${APPEAL_PAGES.detail}?no=${encodeURIComponent(no)}` });

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

export const streetCentre = (street: string | undefined): LatLng | undefined =>
  street ? STREET_CENTRES[street as keyof typeof STREET_CENTRES] : undefined;

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

/** Blue while in hand, orange when it waits for someone, green when answered, grey when closed. */
const STATE_TONES: Record<WorkOrderState, string> = {
  dispatched: 'tag-orange', claimed: 'tag-blue', in_progress: 'tag-blue', resolved: 'tag-green', returned: 'tag-orange', closed: 'tag-gray',
};

export function WoStateTag({ state, name }: { state: WorkOrderState; name: string }) {
  return <Text className={`tag ${STATE_TONES[state] ?? 'tag-gray'}`} data-testid="wo-state">{name}</Text>;
}

// ---- photos a person attaches ---------------------------------------------------------------------

/**
 * Attached photos, one line each with 删除, and 拍照或选择照片 while there is room: each picked photo
 * is uploaded at once (pickAndUploadImage). `cls` is the page's class prefix (wd / wf), whose
 * -photo, -photo-name, -remove and -small-btn classes style it. `onChange` gets an updater, so a
 * page can pass its state setter straight in.
 */
export function PhotoPicker({ photos, onChange, material, cls, max = 9, disabled, error, testId = 'photo', onUploading }: {
  photos: Uploaded[];
  onChange: (update: (prev: Uploaded[]) => Uploaded[]) => void;
  /** Names the file when the picker gives none, e.g. 办结照片. */
  material: string;
  cls: 'wd' | 'wf';
  max?: number;
  disabled?: boolean;
  /** A message from the page (e.g. the server's about the photos); an upload failure shows instead. */
  error?: string;
  testId?: string;
  onUploading?: (uploading: boolean) => void;
}) {
  const [uploading, setUploading] = useState(false);
  const [failed, setFailed] = useState<string>();

  const add = async () => {
    setUploading(true);
    onUploading?.(true);
    setFailed(undefined);
    try {
      const up = await pickAndUploadImage(material);
      if (up) onChange((prev) => [...prev, up].slice(0, max));
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setUploading(false);
      onUploading?.(false);
    }
  };

  const message = failed ?? error;
  return (
    <View>
      {photos.map((p) => (
        <View key={p.fileId} className={`${cls}-photo`} data-testid={testId}>
          <Text className={`${cls}-photo-name`}>📷 {p.fileName}</Text>
          <View
            className={`${cls}-remove`} role="button" aria-label={`删除照片 ${p.fileName}`}
            onClick={() => { setFailed(undefined); onChange((prev) => prev.filter((x) => x.fileId !== p.fileId)); }}
          >
            删除
          </View>
        </View>
      ))}
      {photos.length < max && (
        <Button className={`btn btn-plain ${cls}-small-btn`} disabled={(uploading || disabled) || undefined} loading={uploading || undefined} onClick={add}>
          拍照或选择照片
        </Button>
      )}
      {message && <View className="error-text" role="alert">{message}</View>}
    </View>
  );
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
  /** 联系方式偏好; 只发消息通知 when not chosen (drafts saved before the choice existed). */
  contactPreference?: ContactPreference;
  /** Kept until the order is created, so a retry after a lost answer files it once. */
  idemKey: string;
  savedAt: string;
}

const draftKey = (userId: string, mode: 'appeal' | 'community') => `yx.wo.draft.${mode}.${userId}`;

export const newIdempotencyKey = () => newKey('wo');

export function emptyDraft(street?: string): WoDraft {
  return { description: '', photos: [], address: '', street, anonymous: false, contactPreference: 'message', idemKey: newIdempotencyKey(), savedAt: new Date().toISOString() };
}

export function loadWoDraft(userId: string, mode: 'appeal' | 'community'): WoDraft | undefined {
  try {
    const d = Taro.getStorageSync(draftKey(userId, mode)) as WoDraft | '';
    return d && d.idemKey ? d : undefined;
  } catch {
    return undefined;
  }
}

export function saveWoDraft(userId: string, mode: 'appeal' | 'community', d: WoDraft): void {
  try { Taro.setStorageSync(draftKey(userId, mode), d); } catch { /* storage full: the page still holds it */ }
}

export function clearWoDraft(userId: string, mode: 'appeal' | 'community'): void {
  try { Taro.removeStorageSync(draftKey(userId, mode)); } catch { /* ignore */ }
}
