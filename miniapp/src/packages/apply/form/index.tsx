import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { fieldErrors, type UserView } from '@yx/shared';
import { useMemo, useState } from 'react';
import { Page } from '../../../components/Page';
import { scrollToFirstError } from '../../../components/ErrorLine';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { DraftChangeNote } from './DraftChangeNote';
import { REVIEW, withDeferred, type Errors } from './parts';
import { InProgressNote, confirmAnotherApplication } from './InProgressNote';
import { ReviewStep } from './ReviewStep';
import { SectionStep } from './SectionStep';
import { StepsHead } from './StepsHead';
import { useApplyDraft } from './useApplyDraft';
import { useSubmitApplication } from './useSubmitApplication';
import './index.css';
import { Button } from '../../../components/Button';
import { PolicyClaimCard } from '../../../components/PolicyClaimCard';
import { ClaimedNote, isPolicyRefusal, PolicyRefused } from './PolicyNotes';

const goRealName = () => Taro.navigateTo({ url: '/packages/account/real-name/index' });

/**
 * 网上申办: the item's form, section by section, then 核对信息 and 确认提交; the draft kept as they go.
 * 政策兑现 (`?policyItemId=`, issue 17): the policy item claimed, with how the firm stands on it, on top; sent with the
 * form request and the submission.
 */
export default function ApplyForm() {
  const { params } = useRouter();
  const formId = params.formId ?? '';
  const policyItemId = params.policyItemId || undefined;
  return (
    <Page className="apply">
      <RoleGate what="网上申办" loginText="网上申办需要先登录">
        {(user) => <ApplyFlow formId={formId} policyItemId={policyItemId} user={user} />}
      </RoleGate>
    </Page>
  );
}

function ApplyFlow({ formId, policyItemId, user }: { formId: string; policyItemId?: string; user: UserView }) {
  const { payload, loadError, draft, changes, dismissChanges, load, update, settleServerSave } = useApplyDraft(formId, user, policyItemId);
  const [errors, setErrors] = useState<Errors>({});
  const [commitmentChecked, setCommitmentChecked] = useState(false);
  const { submitting, submitError, claimedAppNo, submit } = useSubmitApplication(formId, update, setErrors, policyItemId);

  const form = payload?.form;
  const steps = useMemo(() => (form ? [...form.sections, REVIEW] : []), [form]);
  const effectiveForm = useMemo(() => (form && draft ? withDeferred(form, draft.deferred) : undefined), [form, draft]);

  // 政策兑现: the firm may not claim the item (暂不符合, 已截止, 已撤回…): the reason and the way back, not a blank page
  if (policyItemId && isPolicyRefusal(loadError)) return <PolicyRefused error={loadError} policyItemId={policyItemId} />;
  // logged in but not real-name verified: applying needs 实名认证 first
  if (loadError?.status === 422 || (payload && !payload.verified)) {
    return (
      <View className="state state-empty">
        <View>{loadError?.message ?? '网上申办需要先完成实名认证'}</View>
        <Button className="btn apply-cta" onClick={goRealName}>
          去实名认证
        </Button>
      </View>
    );
  }
  // most items need the real name proven by face (L2): say so before anything is typed
  if (payload && payload.assurance.needed === 2 && payload.assurance.level < 2) {
    return (
      <View className="state state-empty" data-testid="needs-face">
        <View>该事项需要通过人脸核验完成实名认证，确认是本人办理。</View>
        {process.env.TARO_ENV === 'h5' && <View className="muted">网页版无法调用微信刷脸，正式使用时请在“越秀政务”微信小程序中核验。</View>}
        <Button className="btn apply-cta" onClick={goRealName}>
          去人脸核验
        </Button>
      </View>
    );
  }
  if (!payload || !draft || !form || !effectiveForm) return <StateView loading={!loadError} error={loadError} onRetry={load} />;

  const step = Math.min(draft.step, steps.length - 1);
  // 政策兑现: one form claims many items, so an application of it in progress is most likely another item's; the server
  // refuses a second claim of the same item itself (409, with the first one's 办件编号)
  const inProgress = policyItemId ? [] : payload.inProgress;
  const section = steps[step];
  const isReview = section === REVIEW;

  const next = () => {
    const all = fieldErrors(effectiveForm, draft.answers);
    const errs: Errors = Object.fromEntries(form.fields.filter((f) => f.section === section && all[f.key]).map((f) => [f.key, all[f.key]]));
    if (section === form.sections[form.sections.length - 1] && draft.deferred.length > 0 && (!draft.signer.trim() || !commitmentChecked)) {
      errs._commitment = '容缺受理需签署信用承诺：请勾选承诺并填写签署人姓名';
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      Taro.showToast({ title: '请按提示修改', icon: 'none' });
      scrollToFirstError();
      return;
    }
    update({ step: step + 1 });
    Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  };

  return (
    <>
      <StepsHead itemNames={payload.itemNames} steps={steps} step={step} />
      {payload.policy && <PolicyClaimCard claim={payload.policy} view="form" />}
      <DraftChangeNote lines={changes} onClose={dismissChanges} />
      {step === 0 && <InProgressNote items={inProgress} />}
      {isReview ? (
        <>
          <ReviewStep form={form} draft={draft} errors={errors} submitError={claimedAppNo ? undefined : submitError} onChange={(i) => update({ step: i })} />
          {claimedAppNo && submitError && <ClaimedNote message={submitError} appNo={claimedAppNo} />}
        </>
      ) : (
        <SectionStep
          payload={payload}
          form={form}
          section={section}
          draft={draft}
          update={update}
          errors={errors}
          setErrors={setErrors}
          commitmentChecked={commitmentChecked}
          setCommitmentChecked={setCommitmentChecked}
        />
      )}
      <View className="apply-bar">
        {step > 0 && (
          <Button className="btn btn-plain apply-bar-btn" onClick={() => update({ step: step - 1 })}>
            上一步
          </Button>
        )}
        {isReview ? (
          <Button
            className="btn apply-bar-btn"
            loading={submitting || undefined}
            disabled={submitting || undefined}
            onClick={async () => {
              if (!(await confirmAnotherApplication(inProgress))) return;
              await settleServerSave();
              await submit(form, effectiveForm, draft);
            }}
          >
            确认提交
          </Button>
        ) : (
          <Button className="btn apply-bar-btn" onClick={next}>
            {step === steps.length - 2 ? '下一步：核对' : '下一步'}
          </Button>
        )}
      </View>
      <View className="muted apply-saved">已自动保存草稿，关闭后再次进入可继续填写</View>
    </>
  );
}
