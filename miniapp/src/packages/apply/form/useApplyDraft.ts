import { draftChangeNotice, draftPrints, mergeDraft, type FormDef, type UserView } from '@yx/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { forQuery } from '../../../api/acting';
import { api, call, type ApiError, type FormPayload } from '../../../api/client';
import { loadLocalDraft, newIdempotencyKey, saveLocalDraft, type LocalDraft } from '../draftStore';
import type { DraftChange } from './parts';

/**
 * The form and the person's draft of it: the newer of the phone's copy and the server's copy, the
 * prefill filling the gaps. Every change is saved as they go: on the phone at once, on the server a
 * moment later, with the fingerprints of the answered fields. Loaded again whenever the session changes
 * (e.g. back from 实名认证, now verified). A draft saved on a form that has changed since keeps only the
 * answers whose field is still the same (`mergeDraft`); `changes` says what was dropped (`draftChangeNotice`).
 *
 * 政策兑现 (`policyItemId`, issue 17): the form is asked for with the item claimed (the answer says how the firm stands on
 * it, or refuses with the reason). One form claims many items, and the server keeps one draft per form, not per item: so a
 * claim's draft is kept on the phone only, one per item, and the server's copy is neither read nor written (another
 * item's amount and proofs would otherwise come back here).
 */
export function useApplyDraft(formId: string, user: UserView, policyItemId?: string) {
  const [payload, setPayload] = useState<FormPayload>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [draft, setDraft] = useState<LocalDraft>();
  const [changes, setChanges] = useState<string[]>([]);
  const formRef = useRef<FormDef>();
  const serverTimer = useRef<ReturnType<typeof setTimeout>>();
  const serverSave = useRef<Promise<unknown>>();

  const load = useCallback(async () => {
    setLoadError(undefined);
    try {
      const p = await call('GET /v1/forms/{formId}', { params: { formId }, query: { ...forQuery(), ...(policyItemId ? { policyItemId } : {}) } });
      setPayload(p);
      formRef.current = p.form;
      const local = loadLocalDraft(formId, policyItemId);
      const server = policyItemId ? undefined : p.draft;
      // the newer of the phone's copy and the server's copy wins; the prefill fills the gaps
      const base = local && (!server || local.savedAt >= server.savedAt) ? local : undefined;
      // only what still means the same in today's form (the catalogue may have moved its materials since)
      const merged = mergeDraft(p.form, base ?? server, p);
      setChanges(draftChangeNotice(merged));
      setDraft({
        answers: merged.answers,
        deferred: merged.deferred,
        step: base?.step ?? server?.step ?? 0,
        signer: base?.signer ?? '',
        idemKey: local?.idemKey ?? newIdempotencyKey(),
        savedAt: new Date().toISOString(),
        names: local?.names ?? Object.fromEntries(p.licences.map((l) => [l.id, l.name])),
        fields: draftPrints(p.form, merged.answers),
      });
    } catch (e) {
      setLoadError(e as ApiError);
    }
  }, [formId, policyItemId]);

  useEffect(() => {
    void load();
  }, [user, load]);

  const update = useCallback(
    (change: DraftChange) => {
      setDraft((d) => {
        if (!d) return d;
        const changed = { ...d, ...(typeof change === 'function' ? change(d) : change) };
        const fields = formRef.current ? draftPrints(formRef.current, changed.answers) : changed.fields;
        const next = { ...changed, fields, savedAt: new Date().toISOString() };
        saveLocalDraft(formId, next, policyItemId);
        clearTimeout(serverTimer.current);
        if (policyItemId) return next; // a claim's draft stays on the phone (see above)
        serverTimer.current = setTimeout(() => {
          serverSave.current = api
            .saveDraft(formId, { answers: next.answers, deferred: next.deferred, step: Math.min(next.step, 10), ...(fields ? { fields } : {}) })
            .catch(() => undefined);
        }, 1200);
        return next;
      });
    },
    [formId, policyItemId],
  );
  useEffect(() => () => clearTimeout(serverTimer.current), []);

  /**
   * Before the submission: no save of the draft may reach the server after it (the submission deletes the server's copy;
   * a late save brought it back, one tap from a duplicate — issue 14). A pending save is dropped, one on its way awaited.
   */
  const settleServerSave = useCallback(async () => {
    clearTimeout(serverTimer.current);
    await serverSave.current;
  }, []);

  const dismissChanges = useCallback(() => setChanges([]), []);

  return { payload, loadError, draft, changes, dismissChanges, load, update, settleServerSave };
}
