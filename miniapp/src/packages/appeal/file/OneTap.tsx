import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { categoryById, isInYuexiu, leafCategories, pathOf, streetName, type UserView } from '@yx/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { asApiError } from '../../../api/client';
import { pickAndUploadImage } from '../../../api/upload';
import { woApi } from '../../../api/workorders';
import { confirmStep } from '../../../components/confirmStep';
import { ErrorLine } from '../../../components/ErrorLine';
import { APPEAL_PAGES } from '../pages';
import { EmergencyNote } from './CategorySection';
import { clearWoDraft, freshDraft, loadLastCategory, loadWoDraft, saveLastCategory, saveWoDraft, sessionStreet, type WoDraft } from './draft';
import { OneTapCategories } from './OneTapCategories';
import { validateDraft } from './validate';
import { Button } from '../../../components/Button';

const MODE = 'community';

/** Where the order will say it is, in words: the phone's location or the street's centre, with the address. */
function placeText(d: WoDraft, locating: boolean): string | undefined {
  if (d.locSource === 'gps' && d.gps) return `当前位置（已定位）${d.address ? `· ${d.address}` : ''}`;
  if (locating) return undefined;
  if (d.locSource === 'street' && d.street) return `${streetName(d.street) ?? ''}中心位置${d.address ? ` · ${d.address}` : ''}`;
  return undefined;
}

/**
 * 一键呼叫 in one tap (issue 14): the category used last (chosen once, big, the first time), the current place (GPS,
 * else the official's street centre) and one photo, taken by the big button itself; a short confirmation, then it is
 * filed at once. The description and the rest can follow (补充说明 on the order) or be given now (填写完整信息).
 */
export function OneTap({ user, onFull }: { user: UserView; onFull: () => void }) {
  const homeStreet = sessionStreet(user);
  const leaves = useMemo(() => leafCategories(MODE), []);
  const [draft, setDraft] = useState<WoDraft>(() => {
    const base = loadWoDraft(user.id, MODE) ?? freshDraft(user);
    const id = base.categoryId ?? loadLastCategory(user.id);
    return { ...base, categoryId: id && leaves.some((l) => l.id === id) ? id : undefined };
  });
  const [choosing, setChoosing] = useState(!draft.categoryId);
  const [locating, setLocating] = useState(false);
  const [stage, setStage] = useState<'photo' | 'sending'>();
  const [error, setError] = useState<string>();
  // one call at a time: a second tap while the camera, the confirmation or the request is open does nothing
  const running = useRef(false);
  // the draft as it is now (a place found while the camera was open counts), and none once filed
  const current = useRef(draft);
  const filed = useRef(false);

  /** Every change is kept on the phone with the draft's idempotency key, as the full form does. */
  const update = useCallback(
    (change: (d: WoDraft) => Partial<WoDraft>) => {
      if (filed.current) return;
      const next = { ...current.current, ...change(current.current), savedAt: new Date().toISOString() };
      current.current = next;
      saveWoDraft(user.id, MODE, next);
      setDraft(next);
    },
    [user.id],
  );

  // the current place at once: the phone's, when it gives one in Yuexiu; else the street centre stays
  const located = useRef(draft.locSource === 'gps');
  useEffect(() => {
    if (located.current) return;
    located.current = true;
    let live = true;
    setLocating(true);
    Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' })
      .then((r) => {
        const p = { lat: r.latitude, lng: r.longitude };
        if (live && isInYuexiu(p)) update((d) => ({ locSource: 'gps', gps: p, address: d.address.trim() || '网格员现场定位' }));
      })
      .catch(() => undefined)
      .finally(() => live && setLocating(false));
    return () => {
      live = false;
    };
  }, [update]);

  const category = draft.categoryId ? categoryById(draft.categoryId) : undefined;
  const where = placeText(draft, locating);

  const choose = (id: string) => {
    update(() => ({ categoryId: id, group: categoryById(id)?.parentId ?? undefined }));
    saveLastCategory(user.id, id);
    setChoosing(false);
    setError(undefined);
  };

  const call = async () => {
    if (running.current) return;
    running.current = true;
    setError(undefined);
    let sending = false;
    try {
      if (!category) return; // the button shows only with one
      if (!current.current.photos.length) {
        setStage('photo');
        const up = await pickAndUploadImage('现场照片');
        if (!up) {
          setError('请拍一张现场照片后再上报');
          return;
        }
        update(() => ({ photos: [up] }));
      }
      const ready = current.current;
      const { body, errors } = validateDraft(ready, { mode: MODE, role: 'grid', fallbackStreet: homeStreet });
      if (!body) {
        setError(`${Object.values(errors)[0]}（请点“填写完整信息”补全）`);
        return;
      }
      const place = placeText(ready, false) ?? '位置待定';
      const ok = await confirmStep('确认一键上报', `${pathOf(body.categoryId)}\n${place}\n上报后可在工单页补充说明。`, '确认上报', '再看看');
      if (!ok) return;
      setStage('sending');
      sending = true;
      const view = await woApi.file(ready.idemKey, body);
      filed.current = true;
      saveLastCategory(user.id, body.categoryId);
      clearWoDraft(user.id, MODE);
      Taro.showToast({ title: '已上报', icon: 'success' });
      Taro.redirectTo({ url: `${APPEAL_PAGES.detail}?no=${encodeURIComponent(view.no)}` });
    } catch (e) {
      const err = asApiError(e);
      // the key stays with the draft: another tap after a lost answer gets the same order back
      setError(sending && err.status === 0 ? '网络不太顺畅，照片和位置已保存在手机上。请稍后再点“一键上报”，不会重复上报。' : err.message);
    } finally {
      running.current = false;
      setStage(undefined);
    }
  };

  const busy = Boolean(stage);
  const photoCount = draft.photos.length;
  return (
    <View className="wf-grid wf-onetap">
      <View className="wf-banner" data-testid="grid-banner">
        <View className="wf-banner-title">越秀先锋 · 一键呼叫</View>
        <View className="wf-banner-text">拍一张现场照片，确认后立即上报，按分类派至网格或职能部门。问题描述可在上报后补充。</View>
      </View>

      {choosing || !category ? (
        <OneTapCategories leaves={leaves} value={draft.categoryId} onChoose={choose} first={!category} />
      ) : (
        <View className="section wf-onetap-card" data-testid="one-tap-summary">
          <View className="wf-onetap-row">
            <Text className="muted wf-onetap-name">问题分类</Text>
            <Text className="wf-onetap-value" data-testid="one-tap-category">
              {category.name}
            </Text>
            <View className="wf-reset" role="button" onClick={() => setChoosing(true)}>
              更换
            </View>
          </View>
          <View className="wf-onetap-row">
            <Text className="muted wf-onetap-name">位置</Text>
            <Text className="wf-onetap-value" data-testid="one-tap-place">
              {where ?? (locating ? '正在获取当前位置…' : '未能确定位置，请点“填写完整信息”选择街道')}
            </Text>
          </View>
          <View className="wf-onetap-row">
            <Text className="muted wf-onetap-name">现场照片</Text>
            <Text className="wf-onetap-value" data-testid="one-tap-photo">
              {photoCount ? `已拍 ${photoCount} 张` : '点下方按钮拍照'}
            </Text>
            {photoCount > 0 && (
              <View className="wf-reset" role="button" onClick={() => update(() => ({ photos: [] }))}>
                重拍
              </View>
            )}
          </View>
          <EmergencyNote group={category.parentId ?? undefined} categoryId={category.id} />
        </View>
      )}

      <View className="wf-bar">
        <ErrorLine error={error} className="wf-submit-error" testId="one-tap-error" />
        {!choosing && category && (
          <Button className="btn wf-submit wf-submit-big" disabled={busy || undefined} loading={busy || undefined} onClick={call}>
            {photoCount ? '一键上报' : '拍照上报'}
          </Button>
        )}
        <View className="wf-foot">
          <Text className="muted">描述、回访方式等选填</Text>
          <View
            className="wf-reset"
            role="button"
            onClick={() => {
              saveWoDraft(user.id, MODE, current.current); // the whole form opens with what is here (category, place, photo)
              onFull();
            }}
          >
            填写完整信息
          </View>
        </View>
      </View>
    </View>
  );
}
