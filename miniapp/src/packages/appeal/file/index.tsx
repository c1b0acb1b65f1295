import { Button, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  categoryById, childrenOf, CONTACT_PREFERENCE_NAMES, FileWorkOrderRequest, isInYuexiu, leafCategories, pathOf, streetName, STREETS,
  type LatLng, type UserView,
} from '@yx/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { woApi, type WoNearbyItem } from '../../../api/workorders';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { asApiError } from '../../../api/client';
import { Chips } from '../../../components/Chips';
import { TextBox } from '../../../components/TextBox';
import { APPEAL_PAGES, openWorkOrder } from '../pages';
import { clearWoDraft, emptyDraft, loadWoDraft, saveWoDraft, sessionStreet, streetCentre, type ContactPreference, type WoDraft } from './draft';
import { PhotoPicker } from '../../../components/PhotoPicker';
import './index.css';

const MAX_PHOTOS = 9;
const DESCRIPTION_MAX = 1000;
const FILERS: UserView['role'][] = ['resident', 'enterprise', 'grid'];

type Errors = Record<string, string>;

/** 联系方式偏好, in the order offered; 只发消息通知 unless the filer picks another. */
const CONTACT_OPTIONS = (['phone', 'message', 'none'] as const).map((v) => ({ value: v, label: CONTACT_PREFERENCE_NAMES[v] }));
type Mode = 'appeal' | 'community';

/** The point an order will carry: the phone's location, or the chosen street's centre. */
function pointOf(d: WoDraft): LatLng | undefined {
  if (d.locSource === 'gps') return d.gps;
  if (d.locSource === 'street') return streetCentre(d.street);
  return undefined;
}

/**
 * Everything checked before anything is sent: the shared schema (messages in Chinese) plus what
 * the service checks (a place for categories that need one, a street for grid-routed ones).
 */
export function validateDraft(d: WoDraft, opts: { mode: Mode; role: UserView['role']; fallbackStreet?: string }) {
  const errors: Errors = {};
  const cat = d.categoryId ? categoryById(d.categoryId) : undefined;
  const point = pointOf(d);
  const address = d.address.trim();
  const candidate = {
    categoryId: d.categoryId ?? '',
    description: d.description,
    photoIds: d.photos.map((p) => p.fileId),
    ...(point ? { place: { lat: point.lat, lng: point.lng, address } } : {}),
    ...(d.street ? { street: d.street } : {}),
    anonymous: opts.role === 'resident' && d.anonymous,
    contactPreference: d.contactPreference ?? 'message',
  };
  const r = FileWorkOrderRequest.safeParse(candidate);
  if (!r.success) {
    for (const i of r.error.issues) {
      const [head, sub] = i.path.map(String);
      const k = head === 'place' ? (sub === 'address' ? 'address' : 'place') : head ?? 'form';
      errors[k] ??= i.message;
    }
  }
  if (errors.categoryId && opts.mode === 'community') errors.categoryId = '请选择问题分类';
  if (cat && !leafCategories(opts.mode).some((c) => c.id === cat.id)) errors.categoryId = '请重新选择分类';
  if (cat?.placeRequired && !point) errors.place ??= '该类问题需要提供位置：请点“获取当前位置”，或使用街道中心位置';
  if (!point && address) errors.place ??= '请先获取当前位置或使用街道中心位置，地址才能一并提交';
  if (cat?.routeTo.type === 'grid' && !d.street && !opts.fallbackStreet) errors.street ??= '请选择所在街道';
  return { body: r.success && !Object.keys(errors).length ? r.data : undefined, errors };
}

/** 我要反映 (residents, enterprises) and 一键呼叫 (grid officials): one page, two modes. */
export default function FileWorkOrderPage() {
  const toTeam = { text: '查看待办工单', go: () => Taro.redirectTo({ url: APPEAL_PAGES.team }) };
  return (
    <Page className="wf">
      <RoleGate
        roles={FILERS} what="我要反映" loginText="登录后可反映诉求，并随时查看办理进度" deniedText="工作人员账号不能提交诉求"
        deniedNote={() => '如需反映问题，请使用个人账号登录；待办工单请到“待办工单”查看。'} deniedAction={toTeam}
      >
        {(user) => <FileForm key={user.id} user={user} />}
      </RoleGate>
    </Page>
  );
}

function FileForm({ user }: { user: UserView }) {
  const grid = user.role === 'grid';
  const mode: Mode = grid ? 'community' : 'appeal';
  const homeStreet = sessionStreet(user);
  /** 一键呼叫 starts at the official's own street (its centre and area), refined by GPS or typing. */
  const fresh = () => (grid && homeStreet
    ? { ...emptyDraft(homeStreet), locSource: 'street' as const, address: (user.area ?? streetName(homeStreet) ?? '').replace(/\//g, ' ') }
    : emptyDraft(homeStreet));
  const leaves = useMemo(() => leafCategories(mode), [mode]);
  const groups = useMemo(() => childrenOf(null).filter((g) => leaves.some((l) => l.parentId === g.id)), [leaves]);

  const [draft, setDraft] = useState<WoDraft>(() => {
    const saved = loadWoDraft(user.id, mode);
    if (!saved) return fresh();
    // a category no longer offered in this mode is dropped, the rest kept
    return saved.categoryId && !leaves.some((l) => l.id === saved.categoryId) ? { ...saved, categoryId: undefined } : saved;
  });
  const [errors, setErrors] = useState<Errors>({});
  const [locating, setLocating] = useState(false);
  const [locFailed, setLocFailed] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  const [nearby, setNearby] = useState<WoNearbyItem[]>([]);
  const [joining, setJoining] = useState<string>();
  const [nearbyError, setNearbyError] = useState<Errors>({});

  useEffect(() => {
    if (grid) Taro.setNavigationBarTitle({ title: '一键呼叫' });
  }, [grid]);

  /** Every change is saved on the phone at once, with the same idempotency key. */
  const update = useCallback((change: Partial<WoDraft>, clear: string[] = []) => {
    setDraft((d) => {
      const next = { ...d, ...change, savedAt: new Date().toISOString() };
      saveWoDraft(user.id, mode, next);
      return next;
    });
    if (clear.length) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !clear.includes(k))));
  }, [user.id, mode]);

  const group = draft.group ?? (draft.categoryId ? categoryById(draft.categoryId)?.parentId ?? undefined : undefined);
  const category = draft.categoryId ? categoryById(draft.categoryId) : undefined;
  const point = pointOf(draft);

  // 附近已有相同问题: only around a real location (a street centre is not where the problem is)
  const lookLat = draft.locSource === 'gps' ? point?.lat : undefined;
  const lookLng = draft.locSource === 'gps' ? point?.lng : undefined;
  useEffect(() => {
    setNearby([]);
    setNearbyError({});
    if (!draft.categoryId || lookLat === undefined || lookLng === undefined) return undefined;
    let live = true;
    woApi.nearby(draft.categoryId, lookLat, lookLng).then(
      (r) => { if (live) setNearby(r.items); },
      () => undefined, // only a hint: filing works without it
    );
    return () => { live = false; };
  }, [draft.categoryId, lookLat, lookLng]);

  const locate = async () => {
    setLocating(true);
    setLocFailed(undefined);
    try {
      // WeChat gives GCJ-02 (what Chinese maps use); the H5 runtime only offers the browser's WGS-84
      const r = await Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' });
      const p = { lat: r.latitude, lng: r.longitude };
      if (!isInYuexiu(p)) {
        setLocFailed('您当前的位置不在越秀区范围内。如问题发生在越秀区，请选择所在街道，以街道中心位置上报，并填写详细地址。');
        return;
      }
      update({ locSource: 'gps', gps: p }, ['place']);
    } catch {
      setLocFailed('暂时无法获取您的位置（可能未开启定位权限，或当前浏览器不支持定位）。您可以选择问题所在街道，以街道中心位置上报，并填写详细地址。');
    } finally {
      setLocating(false);
    }
  };

  const useStreetCentre = () => {
    if (!draft.street) {
      setErrors((e) => ({ ...e, street: '请先选择问题所在街道' }));
      return;
    }
    update({ locSource: 'street' }, ['place']);
  };



  const meToo = async (item: WoNearbyItem) => {
    setJoining(item.no);
    setNearbyError({});
    try {
      await woApi.meToo(item.no);
      Taro.showToast({ title: '已加入关注', icon: 'success' });
      openWorkOrder(item.no);
    } catch (e) {
      const err = asApiError(e);
      if (err.status === 409) {
        // already following it: say so and show it anyway
        Taro.showToast({ title: err.message, icon: 'none' });
        openWorkOrder(item.no);
      } else {
        setNearbyError({ [item.no]: err.message });
      }
    } finally {
      setJoining(undefined);
    }
  };

  const submit = async () => {
    setSubmitError(undefined);
    const { body, errors: errs } = validateDraft(draft, { mode, role: user.role, fallbackStreet: homeStreet });
    setErrors(errs);
    if (!body) {
      Taro.showToast({ title: '请按提示修改', icon: 'none' });
      return;
    }
    const ok = await Taro.showModal({
      title: grid ? '确认一键上报' : '确认提交',
      content: `${pathOf(body.categoryId)}：提交后将按分类派至承办单位，办理进展会通知您。`,
      confirmText: grid ? '确认上报' : '确认提交', cancelText: '再看看', confirmColor: '#c8161d',
    });
    if (!ok.confirm) return;
    setSubmitting(true);
    try {
      const view = await woApi.file(draft.idemKey, body);
      clearWoDraft(user.id, mode);
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
    const r = await Taro.showModal({ title: '清空重填', content: '将清空已填写的内容和照片，确定吗？', confirmText: '清空', cancelText: '取消', confirmColor: '#c8161d' });
    if (!r.confirm) return;
    clearWoDraft(user.id, mode);
    setDraft(fresh());
    setErrors({});
    setSubmitError(undefined);
    setLocFailed(undefined);
  };

  const busy = submitting || uploading;

  return (
    <View className={grid ? 'wf-grid' : ''}>
      {grid ? (
        <View className="wf-banner" data-testid="grid-banner">
          <View className="wf-banner-title">越秀先锋 · 一键呼叫</View>
          <View className="wf-banner-text">巡查发现的问题，拍照一键上报，按分类派至网格或职能部门处理。</View>
        </View>
      ) : (
        <View className="wf-banner">
          <View className="wf-banner-title">我要反映</View>
          <View className="wf-banner-text">身边的问题说给我们听，按分类直接派至承办单位，办理全程可查。</View>
        </View>
      )}

      <View className="section">
        <View className="section-title">问题分类</View>
        <Chips
          label="分类" value={group}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          onChange={(g) => update({ group: g, categoryId: category?.parentId === g ? draft.categoryId : undefined }, ['categoryId', 'place', 'street'])}
        />
        {group && (
          <View className="wf-leaves">
            <Chips
              label="具体分类" value={draft.categoryId} className="wf-leaf-chips"
              options={leaves.filter((l) => l.parentId === group).map((l) => ({ value: l.id, label: l.name }))}
              onChange={(id) => update({ categoryId: id, group }, ['categoryId', 'place', 'street'])}
            />
          </View>
        )}
        {!group && <View className="muted">先选大类，再选具体分类</View>}
        {errors.categoryId && <View className="error-text" role="alert">{errors.categoryId}</View>}
        {group === 'safety' && (
          <View className="wf-warn" role="note">紧急情况请直接报警：火警 119、治安 110，电梯困人请拨 96333。这里反映的问题按工作时间办理。</View>
        )}
        {draft.categoryId === 'property-elevator' && group !== 'safety' && (
          <View className="wf-warn" role="note">如有人被困在电梯内，请立即拨打 96333 电梯应急救援电话。</View>
        )}
      </View>

      <View className="section">
        <View className="section-title">问题描述</View>
        <TextBox
          label="问题描述" hideLabel value={draft.description} max={DESCRIPTION_MAX} error={errors.description}
          placeholder={grid ? '发现了什么问题、在哪里、持续多久（至少 5 个字）' : '请说明问题的具体情况：发生了什么、在哪里、持续多久（至少 5 个字）'}
          onInput={(v) => update({ description: v }, ['description'])}
        />
        <View className="wf-sub">照片（选填，最多 {MAX_PHOTOS} 张）</View>
        <PhotoPicker
          material={grid ? '现场照片' : '问题照片'} max={MAX_PHOTOS} photos={draft.photos} disabled={submitting} error={errors.photoIds}
          onUploading={setUploading}
          onChange={(change) => {
            setErrors(({ photoIds: _p, ...rest }) => rest);
            setDraft((d) => {
              const next = { ...d, photos: change(d.photos), savedAt: new Date().toISOString() };
              saveWoDraft(user.id, mode, next);
              return next;
            });
          }}
        />
      </View>

      <View className="section">
        <View className="section-title">问题位置{category && !category.placeRequired ? '（选填）' : ''}</View>
        <Button className="btn btn-plain wf-small-btn" disabled={locating || undefined} loading={locating || undefined} onClick={locate}>
          获取当前位置
        </Button>
        {point && (
          <View className="wf-point" data-testid="point">
            {draft.locSource === 'gps'
              ? `已获取当前位置（${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}）`
              : `以${streetName(draft.street) ?? ''}中心位置上报（大致位置，请在下方写清详细地址）`}
            <View className="wf-remove wf-point-clear" role="button" onClick={() => update({ locSource: undefined, gps: undefined })}>清除</View>
          </View>
        )}
        {locFailed && (
          <View className="wf-locfail" role="alert" data-testid="location-failed">
            <View>{locFailed}</View>
            <Button className="btn btn-plain wf-small-btn" onClick={useStreetCentre}>使用所选街道的中心位置</Button>
          </View>
        )}
        {errors.place && <View className="error-text" role="alert">{errors.place}</View>}
        <View className="wf-address">
          <Field
            label="详细地址" name="address" value={draft.address} maxlength={120} error={errors.address}
            placeholder="如：北京路与西湖路交界东北角" onInput={(v) => update({ address: v }, ['address', 'place'])}
          />
        </View>
        <View className="field-label">所在街道{category?.routeTo.type === 'grid' ? '' : '（选填）'}</View>
        <Chips
          label="所在街道" value={draft.street} className="wf-streets"
          options={STREETS.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(s) => update({ street: s }, ['street', 'place'])}
        />
        {errors.street && <View className="error-text" role="alert">{errors.street}</View>}
      </View>

      {nearby.length > 0 && (
        <View className="section wf-nearby" data-testid="nearby">
          <View className="section-title">附近已有相同问题</View>
          <View className="muted">
            {grid ? '附近 100 米内已有同类问题在办理，请确认是否重复上报。' : '附近 100 米内已有人反映过同类问题。如是同一问题，点“我也遇到”即可关注进展，不必重复提交。'}
          </View>
          {nearby.map((n) => (
            <View key={n.no} className="wf-near-card" data-testid="nearby-item">
              <View className="wf-near-head">
                <Text className="wf-near-cat">{n.category}</Text>
                <Text className="tag tag-blue">{n.stateName}</Text>
              </View>
              <View className="wf-near-desc">{n.description}</View>
              <View className="muted">{n.address} · 约 {n.distance} 米 · {n.affected} 人反映</View>
              {nearbyError[n.no] && <View className="error-text" role="alert">{nearbyError[n.no]}</View>}
              {!grid && (
                <Button
                  className="btn wf-metoo" disabled={Boolean(joining) || undefined} loading={joining === n.no || undefined}
                  onClick={() => meToo(n)} aria-label={`我也遇到 ${n.no}`}
                >
                  我也遇到
                </Button>
              )}
            </View>
          ))}
        </View>
      )}

      <View className="section" data-testid="contact-preference">
        <View className="section-title">回访方式</View>
        <View className="muted wf-contact-note">办理结果出来后，您希望我们怎样联系您</View>
        <Chips<ContactPreference>
          label="回访方式" value={draft.contactPreference ?? 'message'} options={CONTACT_OPTIONS}
          onChange={(v) => update({ contactPreference: v }, ['contactPreference'])}
        />
        {errors.contactPreference && <View className="error-text" role="alert">{errors.contactPreference}</View>}
      </View>

      {user.role === 'resident' && (
        <View className="section">
          <View className="wf-switch-row">
            <View>
              <View className="wf-switch-label">匿名反映</View>
              <View className="muted">工作人员仍可联系您，对外不显示您的信息</View>
            </View>
            <Switch checked={draft.anonymous} color="#c8161d" aria-label="匿名反映" onChange={(e) => update({ anonymous: Boolean(e.detail.value) })} />
          </View>
        </View>
      )}

      <View className="wf-bar">
        {submitError && <View className="error-text wf-submit-error" role="alert">{submitError}</View>}
        <Button
          className={`btn wf-submit ${grid ? 'wf-submit-big' : ''}`} disabled={busy || undefined} loading={submitting || undefined} onClick={submit}
        >
          {grid ? '一键上报' : '提交'}
        </Button>
        <View className="wf-foot">
          <Text className="muted">已自动保存在手机上</Text>
          <View className="wf-reset" role="button" onClick={reset}>清空重填</View>
        </View>
      </View>
    </View>
  );
}
