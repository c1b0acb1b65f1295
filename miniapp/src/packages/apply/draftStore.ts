import Taro from '@tarojs/taro';

/**
 * What a person typed, kept on the phone as they go (the server keeps a copy too), with the
 * idempotency key of the submission, so a retry after a lost answer creates nothing twice.
 */
export interface LocalDraft {
  answers: Record<string, unknown>;
  deferred: string[];
  step: number;
  signer: string;
  idemKey: string;
  savedAt: string;
  /** display names of uploaded files and chosen licences, by file / licence id */
  names: Record<string, string>;
  /** what each answered field meant when saved (`draftPrints`); absent in drafts kept before it */
  fields?: Record<string, string>;
}

/**
 * Where a form's draft is kept on the phone. A 政策兑现 claim (issue 17) has one per policy item: the same form
 * (惠企政策兑现申请) claims many items, and one item's amount, notes and proofs must not turn up in another's. The
 * server keeps one draft per form only, so a claim's draft is kept on the phone alone (see `useApplyDraft`).
 */
const key = (formId: string, policyItemId?: string) => (policyItemId ? `yx.draft.${formId}.policy.${policyItemId}` : `yx.draft.${formId}`);

export function loadLocalDraft(formId: string, policyItemId?: string): LocalDraft | undefined {
  try {
    const d = Taro.getStorageSync(key(formId, policyItemId)) as LocalDraft | '';
    return d || undefined;
  } catch {
    return undefined;
  }
}

export function saveLocalDraft(formId: string, d: LocalDraft, policyItemId?: string): void {
  try {
    Taro.setStorageSync(key(formId, policyItemId), d);
  } catch {
    /* storage full: the server copy remains */
  }
}

export function clearLocalDraft(formId: string, policyItemId?: string): void {
  try {
    Taro.removeStorageSync(key(formId, policyItemId));
  } catch {
    /* ignore */
  }
}

export function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `k${Date.now().toString(36)}${rand()}${rand()}`;
}

export const receiptKey = (appNo: string) => `yx.receipt.${appNo}`;
