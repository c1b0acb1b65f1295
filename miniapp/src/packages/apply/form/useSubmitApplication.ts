import Taro from '@tarojs/taro';
import { fieldErrors, type FormDef } from '@yx/shared';
import { useState } from 'react';
import { api, type ApiError } from '../../../api/client';
import { scrollToFirstError } from '../../../components/ErrorLine';
import { clearLocalDraft, receiptKey, type LocalDraft } from '../draftStore';
import type { Errors, SetErrors, UpdateDraft } from './parts';

/** The 办件编号 a 409 names: the firm's earlier application for the same policy item (企业已申请过该政策条目（办件编号 …）). */
const earlierAppNo = (err: ApiError) => (err.status === 409 ? /办件编号\s*([A-Za-z0-9]+)/.exec(err.message)?.[1] : undefined);

/**
 * 确认提交: checks the whole form first (and goes back to the first section with a problem), then
 * submits with the draft's idempotency key, so a retry after a lost answer applies once only.
 * 政策兑现: the policy item claimed goes with it (the server judges again); a second claim of the same item by the firm
 * answers 409 with the first application's 办件编号, kept in `claimedAppNo` for the page to lead there.
 */
export function useSubmitApplication(formId: string, update: UpdateDraft, setErrors: SetErrors, policyItemId?: string) {
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  const [claimedAppNo, setClaimedAppNo] = useState<string>();

  const submit = async (form: FormDef, effectiveForm: FormDef, draft: LocalDraft) => {
    const all = fieldErrors(effectiveForm, draft.answers);
    if (Object.keys(all).length) {
      const firstBad = form.sections.findIndex((s) => form.fields.some((f) => f.section === s && all[f.key]));
      setErrors(all);
      update({ step: Math.max(0, firstBad) });
      Taro.showToast({ title: '还有内容需要修改', icon: 'none' });
      scrollToFirstError();
      return;
    }
    setSubmitting(true);
    setSubmitError(undefined);
    setClaimedAppNo(undefined);
    const [kind, ...rest] = formId.split('-');
    const target = kind === 'bundle' ? { bundleId: rest.join('-') } : { itemId: rest.join('-') };
    try {
      const receipt = await api.submit(draft.idemKey, {
        ...target,
        ...(policyItemId ? { policyItemId } : {}),
        answers: draft.answers,
        deferred: draft.deferred,
        ...(draft.deferred.length ? { commitment: { signed: true as const, signer: draft.signer.trim() } } : {}),
      });
      Taro.setStorageSync(receiptKey(receipt.appNo), receipt);
      clearLocalDraft(formId, policyItemId);
      Taro.redirectTo({ url: `/packages/apply/receipt/index?appNo=${receipt.appNo}` });
    } catch (e) {
      const err = e as ApiError;
      // network trouble: everything stays, and a retry reuses the same key (no double application)
      setSubmitError(err.status === 0 ? '网络不稳定，申请内容已保存在手机上，请稍后点击“确认提交”重试' : err.message);
      setClaimedAppNo(policyItemId ? earlierAppNo(err) : undefined);
      if (err.details?.length) {
        const map: Errors = {};
        for (const d of err.details) map[d.field.replace(/^answers\./, '')] ??= d.message;
        setErrors(map);
        scrollToFirstError();
      }
    } finally {
      setSubmitting(false);
    }
  };

  return { submitting, submitError, claimedAppNo, submit };
}
