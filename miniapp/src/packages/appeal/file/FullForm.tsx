import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  categoryById,
  childrenOf,
  CONTACT_PREFERENCE_NAMES,
  leafCategories,
  pathOf,
  WO_DESCRIPTION_MAX,
  WO_PHOTOS_MAX,
  WO_TEXT_MIN,
  type UserView,
} from '@yx/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { woApi } from '../../../api/workorders';
import { asApiError } from '../../../api/client';
import { Chips } from '../../../components/Chips';
import { TextBox } from '../../../components/TextBox';
import { APPEAL_PAGES } from '../pages';
import { clearWoDraft, freshDraft, loadWoDraft, saveLastCategory, saveWoDraft, sessionStreet, type ContactPreference, type WoDraft } from './draft';
import { PhotoPicker } from '../../../components/PhotoPicker';
import { CategorySection } from './CategorySection';
import { NearbyPanel } from './NearbyPanel';
import { PrivacySection } from './PrivacySection';
import { PlaceSection } from './PlaceSection';
import { pointOf, validateDraft, type Errors, type Mode } from './validate';
import { ErrorLine, scrollToFirstError } from '../../../components/ErrorLine';
import { Button } from '../../../components/Button';
import { Banner } from './Banner';
import { FirmSection, useFirmName } from './FirmSection';

/** 联系方式偏好, in the order offered; 只发消息通知 unless the filer picks another. */
const CONTACT_OPTIONS = (['phone', 'message', 'none'] as const).map((v) => ({ value: v, label: CONTACT_PREFERENCE_NAMES[v] }));

/**
 * The whole form: 我要反映 for residents and enterprises, and 一键呼叫's 填写完整信息 for grid officials (the same draft
 * as the one-tap call, to which `onOneTap` goes back). With `firm` (a checked 统一社会信用代码): 我要投诉 about that firm,
 * a draft of its own, starting at 消费投诉.
 */
export function FileForm({ user, onOneTap, firm }: { user: UserView; onOneTap?: () => void; firm?: string }) {
  const grid = user.role === 'grid';
  const mode: Mode = grid ? 'community' : 'appeal';
  const homeStreet = sessionStreet(user);
  const fresh = () => freshDraft(user, firm);
  const leaves = useMemo(() => leafCategories(mode), [mode]);
  const groups = useMemo(() => childrenOf(null).filter((g) => leaves.some((l) => l.parentId === g.id)), [leaves]);

  const [draft, setDraft] = useState<WoDraft>(() => {
    const saved = loadWoDraft(user.id, mode, firm);
    if (!saved) return fresh();
    // a category no longer offered in this mode is dropped, the rest kept
    return saved.categoryId && !leaves.some((l) => l.id === saved.categoryId) ? { ...saved, categoryId: undefined } : saved;
  });
  const [errors, setErrors] = useState<Errors>({});
  const [locFailed, setLocFailed] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();

  /** Every change is saved on the phone at once, with the same idempotency key. */
  const update = useCallback(
    (change: Partial<WoDraft>, clear: string[] = []) => {
      setDraft((d) => {
        const next = { ...d, ...change, savedAt: new Date().toISOString() };
        saveWoDraft(user.id, mode, next, firm);
        return next;
      });
      if (clear.length) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !clear.includes(k))));
    },
    [user.id, mode, firm],
  );
  // 投诉对象: the firm's name, read once and kept in the draft
  const firmLookup = useFirmName(draft.aboutFirm?.code, (name) => firm && update({ aboutFirm: { code: firm, name } }));
  useEffect(() => {
    if (firm) Taro.setNavigationBarTitle({ title: '我要投诉' });
  }, [firm]);

  const group = draft.group ?? (draft.categoryId ? (categoryById(draft.categoryId)?.parentId ?? undefined) : undefined);
  const category = draft.categoryId ? categoryById(draft.categoryId) : undefined;
  const point = pointOf(draft);

  const submit = async () => {
    setSubmitError(undefined);
    const { body, errors: errs } = validateDraft(draft, { mode, role: user.role, fallbackStreet: homeStreet, firmMissing: firmLookup.missing });
    setErrors(errs);
    if (!body) {
      Taro.showToast({ title: '请按提示修改', icon: 'none' });
      scrollToFirstError();
      return;
    }
    const ok = await Taro.showModal({
      title: grid ? '确认一键上报' : '确认提交',
      content: `${pathOf(body.categoryId)}${draft.aboutFirm ? `，投诉对象：${draft.aboutFirm.name ?? draft.aboutFirm.code}` : ''}：提交后将按分类派至承办单位，办理进展会通知您。`,
      confirmText: grid ? '确认上报' : '确认提交',
      cancelText: '再看看',
      confirmColor: '#c8161d',
    });
    if (!ok.confirm) return;
    setSubmitting(true);
    try {
      const view = await woApi.file(draft.idemKey, body);
      clearWoDraft(user.id, mode, firm);
      if (grid) saveLastCategory(user.id, body.categoryId); // the one-tap call starts from it next time
      Taro.showToast({ title: grid ? '已上报' : '已提交', icon: 'success' });
      Taro.redirectTo({ url: `${APPEAL_PAGES.detail}?no=${encodeURIComponent(view.no)}` });
    } catch (e) {
      const err = asApiError(e);
      // the key stays with the draft: a retry after a lost answer gets the same order back
      if (err.status === 0) {
        setSubmitError('网络不太顺畅，内容已保存在手机上。请稍后再点提交重试，不会重复提交。');
      } else {
        setSubmitError(err.message);
        if (err.details?.length) {
          const map: Errors = {};
          for (const d of err.details) {
            const [head, sub] = d.field.split('.');
            map[head === 'place' && sub === 'address' ? 'address' : head] ??= d.message;
          }
          setErrors(map);
        }
      }
    } finally {
      setSubmitting(false);
    }
  };

  const reset = async () => {
    const r = await Taro.showModal({
      title: '清空重填',
      content: '将清空已填写的内容和照片，确定吗？',
      confirmText: '清空',
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    if (!r.confirm) return;
    clearWoDraft(user.id, mode, firm);
    setDraft(fresh());
    setErrors({});
    setSubmitError(undefined);
    setLocFailed(undefined);
  };

  const busy = submitting || uploading;

  return (
    <View className={grid ? 'wf-grid' : ''}>
      <Banner grid={grid} complaint={Boolean(draft.aboutFirm)} />
      {draft.aboutFirm && <FirmSection firm={draft.aboutFirm} lookup={firmLookup} error={errors.aboutFirm} />}

      <CategorySection
        groups={groups}
        leaves={leaves}
        group={group}
        categoryId={draft.categoryId}
        error={errors.categoryId}
        onGroup={(g) => update({ group: g, categoryId: category?.parentId === g ? draft.categoryId : undefined }, ['categoryId', 'place', 'street'])}
        onLeaf={(id, g) => update({ categoryId: id, group: g }, ['categoryId', 'place', 'street'])}
      />

      <View className="section">
        <View className="section-title">问题描述</View>
        <TextBox
          label="问题描述"
          hideLabel
          value={draft.description}
          max={WO_DESCRIPTION_MAX}
          error={errors.description}
          placeholder={
            grid
              ? `发现了什么问题、在哪里、持续多久（选填，至少 ${WO_TEXT_MIN} 个字；不填时须有现场照片）`
              : draft.aboutFirm
                ? `请说明消费的时间、商品或服务、遇到的问题和您的要求（如退款），至少 ${WO_TEXT_MIN} 个字`
                : `请说明问题的具体情况：发生了什么、在哪里、持续多久（至少 ${WO_TEXT_MIN} 个字）`
          }
          onInput={(v) => update({ description: v }, ['description'])}
        />
        <View className="wf-sub">照片（选填，最多 {WO_PHOTOS_MAX} 张）</View>
        <PhotoPicker
          material={grid ? '现场照片' : '问题照片'}
          max={WO_PHOTOS_MAX}
          photos={draft.photos}
          disabled={submitting || undefined}
          error={errors.photoIds}
          onUploading={setUploading}
          onChange={(change) => {
            setErrors(({ photoIds: _p, ...rest }) => rest);
            setDraft((d) => {
              const next = { ...d, photos: change(d.photos), savedAt: new Date().toISOString() };
              saveWoDraft(user.id, mode, next, firm);
              return next;
            });
          }}
        />
      </View>

      <PlaceSection draft={draft} point={point} errors={errors} setErrors={setErrors} update={update} locFailed={locFailed} setLocFailed={setLocFailed} />

      <NearbyPanel categoryId={draft.categoryId} locSource={draft.locSource} point={point} grid={grid} />

      <View className="section" data-testid="contact-preference">
        <View className="section-title">回访方式</View>
        <View className="muted wf-contact-note">办理结果出来后，您希望我们怎样联系您</View>
        <Chips<ContactPreference>
          label="回访方式"
          value={draft.contactPreference ?? 'message'}
          options={CONTACT_OPTIONS}
          onChange={(v) => update({ contactPreference: v }, ['contactPreference'])}
        />
        <ErrorLine error={errors.contactPreference} />
      </View>

      {!grid && <PrivacySection draft={draft} update={update} resident={user.role === 'resident'} />}

      <View className="wf-bar">
        <ErrorLine error={submitError} className="wf-submit-error" />
        <Button className={`btn wf-submit ${grid ? 'wf-submit-big' : ''}`} disabled={busy || undefined} loading={submitting || undefined} onClick={submit}>
          {grid ? '一键上报' : draft.aboutFirm ? '提交投诉' : '提交'}
        </Button>
        <View className="wf-foot">
          <Text className="muted">已自动保存在手机上</Text>
          <View className="wf-reset" role="button" onClick={reset}>
            清空重填
          </View>
        </View>
        {onOneTap && (
          <View className="wf-reset wf-back" role="button" onClick={onOneTap}>
            ‹ 返回一键呼叫
          </View>
        )}
      </View>
    </View>
  );
}
