import Taro from '@tarojs/taro';
import { RATING_TAGS, type RatingTag } from '@yx/shared';
import { newIdempotencyKey } from '../../../api/client';

/**
 * A rating being written, kept on the phone per merchant (nothing lost when sending fails or the page is left), with
 * the key that makes a retry the same rating: it goes only when the rating is made.
 */
export interface RateDraft {
  /** 0 until chosen */
  stars: number;
  tags: RatingTag[];
  comment: string;
  key: string;
}

const storageKey = (code: string) => `credit-rate-draft-${code}`;
const emptyDraft = (): RateDraft => ({ stars: 0, tags: [], comment: '', key: newIdempotencyKey('rt') });

export function loadDraft(code: string): RateDraft {
  const d = Taro.getStorageSync(storageKey(code)) as Partial<RateDraft> | '';
  if (!d || typeof d !== 'object' || typeof d.key !== 'string') return emptyDraft();
  return {
    stars: typeof d.stars === 'number' && d.stars >= 0 && d.stars <= 5 ? d.stars : 0,
    tags: Array.isArray(d.tags) ? d.tags.filter((t): t is RatingTag => (RATING_TAGS as readonly string[]).includes(t)) : [],
    comment: typeof d.comment === 'string' ? d.comment : '',
    key: d.key,
  };
}

export const saveDraft = (code: string, d: RateDraft) => Taro.setStorageSync(storageKey(code), d);
export const dropDraft = (code: string) => Taro.removeStorageSync(storageKey(code));
