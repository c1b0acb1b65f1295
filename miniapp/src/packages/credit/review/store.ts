import Taro from '@tarojs/taro';
import type { ReviewKind } from '@yx/shared';
import { newIdempotencyKey } from '../../../api/client';
import { CREDIT_PAGES, type CreditRecord } from '../../../api/credit';
import type { Uploaded } from '../../../api/upload';

/**
 * The record a firm asks about, handed from 我的企业信用 to the form (there is no endpoint for one record): kept on the
 * phone, so the form still shows it when the page is opened again.
 */
const HANDED = 'credit-review-record';

export const reviewUrl = (recordId: string, kind: ReviewKind) => `${CREDIT_PAGES.review}?recordId=${encodeURIComponent(recordId)}&kind=${kind}`;

/** 申请信用修复 / 提出异议 of this record. */
export function openReview(record: CreditRecord, kind: ReviewKind) {
  Taro.setStorageSync(HANDED, record);
  Taro.navigateTo({ url: reviewUrl(record.id, kind) });
}

export function handedRecord(id: string): CreditRecord | undefined {
  try {
    const r = Taro.getStorageSync(HANDED) as CreditRecord | '';
    return r && typeof r === 'object' && r.id === id ? r : undefined;
  } catch {
    return undefined;
  }
}

/** What is typed and uploaded so far, with the key that makes a retry (or a double tap) one request. */
export interface ReviewDraft {
  text: string;
  files: Uploaded[];
  commitment: boolean;
  key: string;
}

const draftKey = (kind: ReviewKind, recordId: string) => `credit-review-draft:${kind}:${recordId}`;
const emptyDraft = (): ReviewDraft => ({ text: '', files: [], commitment: false, key: newIdempotencyKey('cr') });

export function loadDraft(kind: ReviewKind, recordId: string): ReviewDraft {
  try {
    const d = Taro.getStorageSync(draftKey(kind, recordId)) as Partial<ReviewDraft> | '';
    return d && typeof d === 'object' && typeof d.key === 'string' ? { ...emptyDraft(), ...d } : emptyDraft();
  } catch {
    return emptyDraft();
  }
}

export const saveDraft = (kind: ReviewKind, recordId: string, d: ReviewDraft) => Taro.setStorageSync(draftKey(kind, recordId), d);
export const dropDraft = (kind: ReviewKind, recordId: string) => Taro.removeStorageSync(draftKey(kind, recordId));
