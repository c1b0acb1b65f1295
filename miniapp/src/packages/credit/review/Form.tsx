import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REVIEW_RULES, type ReviewKind } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { CREDIT_PAGES, myCreditApi, type CreditRecord } from '../../../api/credit';
import { CheckRow } from '../../../components/CheckRow';
import { confirmStep } from '../../../components/confirmStep';
import { ErrorLine } from '../../../components/ErrorLine';
import { MaterialUpload } from '../../../components/MaterialUpload';
import { SendButton } from '../../../components/SendButton';
import { TextBox } from '../../../components/TextBox';
import { formatDay } from '../../../components/Timeline';
import { useSubmit } from '../../../hooks/useSubmit';
import { dropDraft, loadDraft, saveDraft, type ReviewDraft } from './store';

/** 信用修复承诺书: what the firm signs with a repair (the staff page shows the same words). */
export const COMMITMENT_TEXT = '本企业承诺已纠正失信行为、履行相关义务，所提交材料真实有效，如有虚假愿承担相应法律责任。';
export const TEXT_MIN = 10;
export const TEXT_MAX = 1000;
const FILES_MAX = 10;

type Errors = Partial<Record<'text' | 'files' | 'commitment' | 'form', string>>;

const WORDS: Record<ReviewKind, { text: string; placeholder: string; files: string; submit: string; confirm: string }> = {
  repair: {
    text: '纠正失信行为的情况',
    placeholder: '写明已如何整改、是否已缴清罚款、履行了哪些义务',
    files: '证明材料（PDF），如整改报告、缴纳罚款凭证',
    submit: '提交信用修复申请',
    confirm: '提交后不能撤回，核查期间不能再次申请。确定提交信用修复申请？',
  },
  objection: {
    text: '异议的理由',
    placeholder: '写明这条信息哪里有误，正确的情况是什么',
    files: '证明材料（PDF），如能证明信息有误的文书',
    submit: '提交信用异议',
    confirm: '提交后不能撤回，核查期间该信息将标注“异议处理中”。确定提交信用异议？',
  },
};

/**
 * 申请信用修复 / 提出异议: the reasons (10 to 1000 characters), PDF evidence, and for a repair the signed commitment; asked
 * once more before it goes. What is typed stays on the phone until the request is filed; the draft's key makes a retry
 * one request. Filed, the authority's deadline is said and the page goes back.
 */
export function ReviewForm({ record, kind }: { record: CreditRecord; kind: ReviewKind }) {
  const [draft, setDraftState] = useState<ReviewDraft>(() => loadDraft(kind, record.id));
  const [errors, setErrors] = useState<Errors>({});
  const [uploading, setUploading] = useState(false);
  const { busy, send } = useSubmit(
    (e) => {
      const err = asApiError(e);
      const fields: Errors = {};
      for (const d of err.details ?? []) {
        const k = d.field.split('.')[0] as keyof Errors;
        if ((k === 'text' || k === 'files' || k === 'commitment') && !fields[k]) fields[k] = d.message;
      }
      if (Object.keys(fields).length) {
        setErrors(fields);
        return undefined;
      }
      return err.message;
    },
    (form) => setErrors({ form }),
  );
  const w = WORDS[kind];
  const set = (patch: Partial<ReviewDraft>, clear: keyof Errors) => {
    const next = { ...draft, ...patch };
    setDraftState(next);
    saveDraft(kind, record.id, next);
    setErrors((e) => ({ ...e, [clear]: undefined, form: undefined }));
  };

  const submit = async () => {
    const text = draft.text.trim();
    const problems: Errors = {};
    if (text.length < TEXT_MIN) problems.text = `请写明${w.text}（至少 ${TEXT_MIN} 个字）`;
    if (!draft.files.length) problems.files = `请上传${w.files}`;
    if (kind === 'repair' && !draft.commitment) problems.commitment = '申请信用修复须勾选信用修复承诺书';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (!(await confirmStep(w.submit, w.confirm, '提交'))) return;
    await send(async () => {
      const rv = await myCreditApi.file(draft.key, {
        kind,
        recordId: record.id,
        text,
        files: draft.files.map((f) => f.fileId),
        ...(kind === 'repair' ? { commitment: true } : {}),
      });
      dropDraft(kind, record.id);
      await Taro.showModal({
        title: '已提交',
        content: `审核时限 ${REVIEW_RULES[kind].days} 个工作日，${formatDay(rv.deadline)} 前答复。结果会通过消息通知您。`,
        showCancel: false,
        confirmText: '知道了',
      });
      // opened from a link (nothing to go back to): the firm's credit page instead
      if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
      else Taro.redirectTo({ url: CREDIT_PAGES.mine });
    });
  };

  return (
    <View className="section" data-testid="review-form">
      <View className="section-title">{kind === 'repair' ? '申请信用修复' : '提出信用异议'}</View>
      <View className="muted fcr-hint">
        由作出决定的机关核查，{REVIEW_RULES[kind].days} 个工作日内答复。
        {kind === 'repair' ? '同意后该信息不再公示，信用等级重新评定。' : '核查期间，公示页面会标注“异议处理中”。'}
      </View>
      <TextBox label={w.text} value={draft.text} max={TEXT_MAX} placeholder={w.placeholder} error={errors.text} onInput={(text) => set({ text }, 'text')} />
      <View className="field" data-testid="review-files">
        <View className="field-label">{w.files}</View>
        <MaterialUpload
          material="证明材料"
          pdfOnly
          max={FILES_MAX}
          value={draft.files}
          onChange={(files) => set({ files }, 'files')}
          onUploading={setUploading}
          disabled={busy}
          error={errors.files}
        />
      </View>
      {kind === 'repair' && (
        <View className="field" data-testid="commitment">
          <View className="field-label">信用修复承诺书</View>
          <View className="fcr-commitment">{COMMITMENT_TEXT}</View>
          <CheckRow
            className="fcr-check"
            label="本企业已阅读并签署以上承诺"
            checked={draft.commitment}
            testId="commitment-check"
            onToggle={() => set({ commitment: !draft.commitment }, 'commitment')}
          />
          <ErrorLine error={errors.commitment} />
        </View>
      )}
      <SendButton className="btn" testId="review-submit" error={errors.form} busy={busy} disabled={uploading} onClick={() => void submit()}>
        {w.submit}
      </SendButton>
    </View>
  );
}
