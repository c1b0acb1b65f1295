import type { UserView } from '@yx/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiError, type FormPayload } from '../../../api/client';
import { loadLocalDraft, newIdempotencyKey, saveLocalDraft, type LocalDraft } from '../draftStore';
import type { DraftChange } from './parts';

/**
 * The form and the person's draft of it: the newer of the phone's copy and the server's copy, the
 * prefill filling the gaps. Every change is saved as they go: on the phone at once, on the server a
 * moment later. Loaded again whenever the session changes (e.g. back from 实名认证, now verified).
 */
export function useApplyDraft(formId: string, user: UserView) {
  const [payload, setPayload] = useState<FormPayload>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [draft, setDraft] = useState<LocalDraft>();
  const serverTimer = useRef<ReturnType<typeof setTimeout>>();
  const serverSave = useRef<Promise<unknown>>();

  const load = useCallback(async () => {
    setLoadError(undefined);
    try {
      const p = await api.form(formId);
      setPayload(p);
      const local = loadLocalDraft(formId);
      const server = p.draft;
      // the newer of the phone's copy and the server's copy wins; the prefill fills the gaps
      const base = local && (!server || local.savedAt >= server.savedAt) ? local : undefined;
      setDraft({
        answers: { ...p.prefill, ...(base?.answers ?? server?.answers ?? {}) },
        deferred: base?.deferred ?? server?.deferred ?? [],
        step: base?.step ?? server?.step ?? 0,
        signer: base?.signer ?? '',
        idemKey: local?.idemKey ?? newIdempotencyKey(),
        savedAt: new Date().toISOString(),
        names: local?.names ?? Object.fromEntries(p.licences.map((l) => [l.id, l.name])),
      });
    } catch (e) {
      setLoadError(e as ApiError);
    }
  }, [formId]);

  useEffect(() => {
    void load();
  }, [user, load]);

  const update = useCallback(
    (change: DraftChange) => {
      setDraft((d) => {
        if (!d) return d;
        const next = { ...d, ...(typeof change === 'function' ? change(d) : change), savedAt: new Date().toISOString() };
        saveLocalDraft(formId, next);
        clearTimeout(serverTimer.current);
        serverTimer.current = setTimeout(() => {
          serverSave.current = api.saveDraft(formId, { answers: next.answers, deferred: next.deferred, step: Math.min(next.step, 10) }).catch(() => undefined);
        }, 1200);
        return next;
      });
    },
    [formId],
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

  return { payload, loadError, draft, load, update, settleServerSave };
}
