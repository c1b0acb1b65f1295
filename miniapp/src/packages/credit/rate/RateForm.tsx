import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { RATING_RULES, RATING_TAGS, type RatingTag } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { creditApi } from '../../../api/credit';
import { confirmStep } from '../../../components/confirmStep';
import { ErrorLine } from '../../../components/ErrorLine';
import { MultiChips } from '../../../components/MultiChips';
import { SendButton } from '../../../components/SendButton';
import { TextBox } from '../../../components/TextBox';
import { useSubmit } from '../../../hooks/useSubmit';
import { creditUrl } from '../parts/links';
import { dropDraft, loadDraft, saveDraft, type RateDraft } from './draft';

const STAR_WORDS = ['很不满意', '不满意', '一般', '满意', '非常满意'];
const TAG_OPTIONS = RATING_TAGS.map((t) => [t, t] as const);

/** Back to the merchant's page: the one it came from (which reloads), or a new one when the rate page was opened alone. */
function backToMerchant(code: string, s: string) {
  if ((Taro.getCurrentPages?.() ?? []).length > 1) Taro.navigateBack();
  else Taro.redirectTo({ url: creditUrl('merchant', { code, s }) });
}

/**
 * The rating: 1–5 stars (big targets), up to five tags, an optional comment. Kept as a draft until it is made; sent with
 * the draft's key (a retry or a double tap is one rating); the server's refusal (already rated, a stale code) said above
 * the button, the draft kept.
 */
export function RateForm({ code, s }: { code: string; s: string }) {
  const [draft, setDraftState] = useState<RateDraft>(() => loadDraft(code));
  const [errors, setErrors] = useState<{ stars?: string; tags?: string }>({});
  const [failed, setFailed] = useState<string>();
  const { busy, send } = useSubmit(
    (e) => asApiError(e).message,
    (m) => setFailed(m),
  );
  const setDraft = (d: RateDraft) => {
    setDraftState(d);
    saveDraft(code, d);
  };
  const setTags = (tags: RatingTag[]) => {
    if (tags.length > RATING_RULES.tagsMax) {
      setErrors({ ...errors, tags: `最多选择 ${RATING_RULES.tagsMax} 个标签` });
      return;
    }
    setErrors({ ...errors, tags: undefined });
    setDraft({ ...draft, tags });
  };

  const submit = async () => {
    if (!draft.stars) {
      setErrors({ stars: '请选择 1 到 5 颗星' });
      return;
    }
    setErrors({});
    setFailed(undefined);
    const ok = await confirmStep('确认提交评价', `提交后 ${RATING_RULES.windowDays} 天内不能再次评价该商户。`, '确认提交', '再看看');
    if (!ok) return;
    await send(async () => {
      const comment = draft.comment.trim();
      const r = await creditApi.rate(draft.key, code, { scan: s, stars: draft.stars, tags: draft.tags, ...(comment ? { comment } : {}) });
      dropDraft(code);
      Taro.showToast(r.status === 'held' ? { title: '评价已提交，待审核后显示', icon: 'none', duration: 3000 } : { title: '评价成功', icon: 'success' });
      backToMerchant(code, s);
    });
  };

  return (
    <View className="section" data-testid="rate-form">
      <View className="section-title">评分</View>
      <View className="crt-stars" role="radiogroup" aria-label="评分">
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`crt-star tap ${n <= draft.stars ? 'on' : ''}`}
            role="radio"
            aria-checked={draft.stars === n}
            aria-label={`${n} 星`}
            data-testid={`star-${n}`}
            onClick={() => {
              setErrors({ ...errors, stars: undefined });
              setDraft({ ...draft, stars: n });
            }}
          />
        ))}
      </View>
      <View className={`crt-star-word ${draft.stars ? '' : 'muted'}`} data-testid="star-word">
        {draft.stars ? `${draft.stars} 星 · ${STAR_WORDS[draft.stars - 1]}` : '请点选星级，5 星为最满意'}
      </View>
      <ErrorLine error={errors.stars} testId="stars-error" />

      <View className="field-label crt-label">
        评价标签（可选，最多 {RATING_RULES.tagsMax} 个，已选 {draft.tags.length} 个）
      </View>
      <MultiChips label="评价标签" options={TAG_OPTIONS} value={draft.tags} onChange={setTags} />
      <ErrorLine error={errors.tags} testId="tags-error" />

      <View className="crt-comment">
        <TextBox
          label="评价内容（可选）"
          value={draft.comment}
          max={RATING_RULES.commentMax}
          placeholder="说说您的消费体验，如商品、服务、价格"
          onInput={(v) => setDraft({ ...draft, comment: v })}
        />
      </View>
      <View className="muted crt-hint">
        请勿填写电话、身份证号等个人信息。含不文明用语的评价需经区市场监管局审核后显示。每人 {RATING_RULES.windowDays} 天内可评价同一商户一次。
      </View>
      <SendButton className="btn" testId="rate-submit" error={failed} errorTestId="rate-error" busy={busy} onClick={submit}>
        提交评价
      </SendButton>
    </View>
  );
}
