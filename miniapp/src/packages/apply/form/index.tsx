import { Button, Checkbox, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { COMMITMENT_SIGNER_MAX, fieldErrors, type FieldDef, type FileRef, type FormDef } from '@yx/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type FormPayload, type LicenceView } from '../../../api/client';
import { pickAndUploadImage } from '../../../api/upload';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useSession } from '../../../hooks/useSession';
import { clearLocalDraft, loadLocalDraft, newIdempotencyKey, receiptKey, saveLocalDraft, type LocalDraft } from '../draftStore';
import { FormField } from '../fields';
import './index.css';

const REVIEW = '核对信息';

/** The form with deferred materials made optional, as the server validates it. */
function withDeferred(form: FormDef, deferred: string[]): FormDef {
  return { ...form, fields: form.fields.map((f) => (f.type === 'file' && deferred.includes(f.materialName ?? f.label) ? { ...f, required: false } : f)) };
}

function display(field: FieldDef, value: unknown, names: Record<string, string>): string {
  if (value === undefined || value === '' || value === null) return '未填写';
  if (field.type === 'choice') return field.options?.find((o) => o.value === value)?.label ?? String(value);
  if (field.type === 'file') return (value as FileRef[]).map((r) => (r.kind === 'upload' ? `📎 ${names[r.fileId] ?? '文件'}` : `电子证照：${names[r.licenceId] ?? ''}`)).join('，');
  return String(value);
}

export default function ApplyForm() {
  const { params } = useRouter();
  const formId = params.formId ?? '';
  const session = useSession();
  const [payload, setPayload] = useState<FormPayload>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [draft, setDraft] = useState<LocalDraft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  const [commitmentChecked, setCommitmentChecked] = useState(false);
  const serverTimer = useRef<ReturnType<typeof setTimeout>>();

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

  useEffect(() => { if (session) void load(); }, [session, load]);

  // save as they go: on the phone at once, on the server a moment later
  const update = useCallback((change: Partial<LocalDraft>) => {
    setDraft((d) => {
      if (!d) return d;
      const next = { ...d, ...change, savedAt: new Date().toISOString() };
      saveLocalDraft(formId, next);
      clearTimeout(serverTimer.current);
      serverTimer.current = setTimeout(() => {
        api.saveDraft(formId, { answers: next.answers, deferred: next.deferred, step: Math.min(next.step, 10) }).catch(() => undefined);
      }, 1200);
      return next;
    });
  }, [formId]);
  useEffect(() => () => clearTimeout(serverTimer.current), []);

  const form = payload?.form;
  const steps = useMemo(() => (form ? [...form.sections, REVIEW] : []), [form]);
  const effectiveForm = useMemo(() => (form && draft ? withDeferred(form, draft.deferred) : undefined), [form, draft]);

  if (!session) {
    return (
      <Page>
        <View className="state state-empty">
          <View>网上申办需要先登录</View>
          <Button className="btn apply-cta" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>去登录</Button>
        </View>
      </Page>
    );
  }
  if (loadError?.status === 422 || (payload && !payload.verified)) {
    return (
      <Page>
        <View className="state state-empty">
          <View>{loadError?.message ?? '网上申办需要先完成实名认证'}</View>
          <Button className="btn apply-cta" onClick={() => Taro.navigateTo({ url: '/packages/account/real-name/index' })}>去实名认证</Button>
        </View>
      </Page>
    );
  }
  if (!payload || !draft || !form || !effectiveForm) {
    return <Page><StateView loading={!loadError} error={loadError} onRetry={load} /></Page>;
  }

  const step = Math.min(draft.step, steps.length - 1);
  const section = steps[step];
  const isReview = section === REVIEW;
  const sectionFields = form.fields.filter((f) => f.section === section);
  const requiredFiles = form.fields.filter((f) => f.type === 'file' && f.required);
  const { quota, grade, dueWorkingDays } = payload.tolerance;
  const deferredCount = draft.deferred.length;

  const setAnswer = (key: string, value: unknown) => {
    const answers = { ...draft.answers };
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete answers[key];
    else answers[key] = value;
    setErrors((e) => { const { [key]: _gone, ...rest } = e; return rest; });
    update({ answers });
  };

  const errorsFor = (fields: FieldDef[]) => {
    const all = fieldErrors(effectiveForm, draft.answers);
    return Object.fromEntries(fields.filter((f) => all[f.key]).map((f) => [f.key, all[f.key]]));
  };

  const next = () => {
    const errs = errorsFor(sectionFields);
    if (section === form.sections[form.sections.length - 1] && deferredCount > 0 && (!draft.signer.trim() || !commitmentChecked)) {
      errs._commitment = '容缺受理需签署信用承诺：请勾选承诺并填写签署人姓名';
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      Taro.showToast({ title: '请按提示修改', icon: 'none' });
      return;
    }
    update({ step: step + 1 });
    Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  };

  const upload = async (field: FieldDef) => {
    try {
      const u = await pickAndUploadImage(field.label);
      if (!u) return;
      const refs = (draft.answers[field.key] as FileRef[] | undefined) ?? [];
      update({ names: { ...draft.names, [u.fileId]: u.fileName } });
      setAnswer(field.key, [...refs, { kind: 'upload', fileId: u.fileId }].slice(0, 5));
    } catch (e) {
      setErrors((x) => ({ ...x, [field.key]: (e as ApiError).message }));
    }
  };

  const useLicence = (field: FieldDef, l: LicenceView) => {
    const refs = (draft.answers[field.key] as FileRef[] | undefined) ?? [];
    if (refs.some((r) => r.kind === 'elicence' && r.licenceId === l.id)) return;
    // using an e-licence is the holder's authorisation, recorded with the application
    setAnswer(field.key, [...refs, { kind: 'elicence', licenceId: l.id }].slice(0, 5));
  };

  const toggleDefer = (field: FieldDef) => {
    const name = field.materialName ?? field.label;
    const on = draft.deferred.includes(name);
    if (!on && deferredCount >= quota) {
      Taro.showToast({ title: `最多可容缺 ${quota} 项`, icon: 'none' });
      return;
    }
    const answers = { ...draft.answers };
    if (!on) delete answers[field.key];
    update({ deferred: on ? draft.deferred.filter((n) => n !== name) : [...draft.deferred, name], answers });
  };

  const submit = async () => {
    const all = fieldErrors(effectiveForm, draft.answers);
    if (Object.keys(all).length) {
      const firstBad = form.sections.findIndex((s) => form.fields.some((f) => f.section === s && all[f.key]));
      setErrors(all);
      update({ step: Math.max(0, firstBad) });
      Taro.showToast({ title: '还有内容需要修改', icon: 'none' });
      return;
    }
    setSubmitting(true);
    setSubmitError(undefined);
    const [kind, ...rest] = formId.split('-');
    const target = kind === 'bundle' ? { bundleId: rest.join('-') } : { itemId: rest.join('-') };
    try {
      const receipt = await api.submit(draft.idemKey, {
        ...target,
        answers: draft.answers,
        deferred: draft.deferred,
        ...(draft.deferred.length ? { commitment: { signed: true as const, signer: draft.signer.trim() } } : {}),
      });
      Taro.setStorageSync(receiptKey(receipt.appNo), receipt);
      clearLocalDraft(formId);
      Taro.redirectTo({ url: `/packages/apply/receipt/index?appNo=${receipt.appNo}` });
    } catch (e) {
      const err = e as ApiError;
      // network trouble: everything stays, and a retry reuses the same key (no double application)
      setSubmitError(err.status === 0 ? '网络不稳定，申请内容已保存在手机上，请稍后点击“确认提交”重试' : err.message);
      if (err.details?.length) {
        const map: Record<string, string> = {};
        for (const d of err.details) map[d.field.replace(/^answers\./, '')] ??= d.message;
        setErrors(map);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page className="apply">
      <View className="apply-head">
        <View className="apply-title">{payload.itemNames.length > 1 ? `一件事联办：${payload.itemNames.join('、')}` : payload.itemNames[0]}</View>
        <View className="apply-steps" aria-label="填写步骤">
          {steps.map((s, i) => (
            <View key={s} className={`apply-step ${i === step ? 'active' : i < step ? 'done' : ''}`}>
              <View className="apply-step-dot">{i < step ? '✓' : i + 1}</View>
              <Text className="apply-step-name">{s}</Text>
            </View>
          ))}
        </View>
      </View>

      {!isReview && (
        <View className="section" data-section={section}>
          <View className="section-title">{section}</View>
          {section === form.sections[form.sections.length - 1] && quota > 0 && (
            <View className="apply-tolerance" aria-label="容缺受理">
              <View className="apply-tolerance-title">容缺受理 · 信用 {grade} 级</View>
              <View>您的企业可先行受理，最多 <Text className="apply-strong">{quota}</Text> 项必交材料承诺后补交（已选 {deferredCount} 项），须在 {dueWorkingDays} 个工作日内补齐。</View>
            </View>
          )}
          {sectionFields.map((f) => (
            <View key={f.key}>
              <FormField
                field={f}
                value={draft.answers[f.key]}
                error={errors[f.key]}
                onChange={(v) => setAnswer(f.key, v)}
                licences={f.type === 'file' ? payload.licences.filter((l) => l.type === payload.licenceTypes[f.key]) : undefined}
                names={draft.names}
                onUpload={() => upload(f)}
                onUseLicence={(l) => useLicence(f, l)}
                deferred={draft.deferred.includes(f.materialName ?? f.label)}
              />
              {quota > 0 && requiredFiles.includes(f) && (
                <View className="apply-defer" onClick={() => toggleDefer(f)} role="checkbox" aria-checked={draft.deferred.includes(f.materialName ?? f.label)}>
                  <Checkbox value={f.key} checked={draft.deferred.includes(f.materialName ?? f.label)} color="#c8161d" />
                  <Text>容缺，承诺后补交</Text>
                </View>
              )}
            </View>
          ))}
          {section === form.sections[form.sections.length - 1] && deferredCount > 0 && (
            <View className="apply-commitment" aria-label="信用承诺">
              <View className="apply-tolerance-title">信用承诺书</View>
              <View className="muted">本企业承诺在 {dueWorkingDays} 个工作日内补交容缺材料：{draft.deferred.join('、')}。逾期未补交的，申请转为补正，并记入企业信用记录。</View>
              <View className="apply-defer" onClick={() => { setCommitmentChecked(!commitmentChecked); setErrors(({ _commitment: _c, ...rest }) => rest); }} role="checkbox" aria-checked={commitmentChecked}>
                <Checkbox value="commit" checked={commitmentChecked} color="#c8161d" />
                <Text>我已阅读并作出上述承诺</Text>
              </View>
              <Input className="input" placeholder="签署人姓名" value={draft.signer} maxlength={COMMITMENT_SIGNER_MAX} onInput={(e) => { update({ signer: e.detail.value }); setErrors(({ _commitment: _c, ...rest }) => rest); }} aria-label="签署人姓名" />
              {errors._commitment && <View className="error-text" role="alert">{errors._commitment}</View>}
            </View>
          )}
        </View>
      )}

      {isReview && (
        <View>
          {form.sections.map((s, i) => (
            <View key={s} className="section apply-review" data-section={s}>
              <View className="apply-review-head">
                <View className="section-title">{s}</View>
                <View className="apply-change" onClick={() => update({ step: i })} role="link">修改</View>
              </View>
              {form.fields.filter((f) => f.section === s).map((f) => (
                <View key={f.key} className="apply-review-row">
                  <Text className="muted apply-review-label">{f.label}</Text>
                  <Text className={`apply-review-value ${errors[f.key] ? 'bad' : ''}`}>
                    {draft.deferred.includes(f.materialName ?? '') ? '容缺，承诺后补交' : display(f, draft.answers[f.key], draft.names)}
                  </Text>
                </View>
              ))}
            </View>
          ))}
          {submitError && <View className="section error-text" role="alert">{submitError}</View>}
        </View>
      )}

      <View className="apply-bar">
        {step > 0 && <Button className="btn btn-plain apply-bar-btn" onClick={() => update({ step: step - 1 })}>上一步</Button>}
        {isReview ? (
          <Button className="btn apply-bar-btn" loading={submitting} disabled={submitting} onClick={submit}>确认提交</Button>
        ) : (
          <Button className="btn apply-bar-btn" onClick={next}>{step === steps.length - 2 ? '下一步：核对' : '下一步'}</Button>
        )}
      </View>
      <View className="muted apply-saved">已自动保存草稿，关闭后再次进入可继续填写</View>
    </Page>
  );
}
