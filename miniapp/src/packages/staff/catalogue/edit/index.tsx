import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CatalogueItemVersionRequest, NewCatalogueItem, type CatalogueItemView, type Department } from '@yx/shared';
import { useEffect, useState } from 'react';
import { asApiError } from '../../../../api/client';
import { catalogueAdminApi } from '../../../../api/catalogueAdmin';
import { Button } from '../../../../components/Button';
import { fieldErrors } from '../../../../components/Field';
import { Page } from '../../../../components/Page';
import { RoleGate } from '../../../../components/RoleGate';
import { SendButton } from '../../../../components/SendButton';
import { StateView } from '../../../../components/StateView';
import { confirmStep } from '../../../../components/confirmStep';
import { useAsync } from '../../../../hooks/useAsync';
import { useSubmit } from '../../../../hooks/useSubmit';
import { Basics } from './Basics';
import { bodyOf, draftOf, emptyDraft, type ItemDraft } from './draft';
import { Fields } from './Fields';
import { History } from './History';
import { Materials } from './Materials';
import { Preview } from './Preview';
import '../catalogue.css';

/** The first message under a list (materials.0.name → materials). */
const firstUnder = (errors: Record<string, string>, prefix: string) => errors[prefix] ?? Object.entries(errors).find(([k]) => k.startsWith(`${prefix}.`))?.[1];

/**
 * 编辑办事事项 (admin, issue 16): basic facts, materials, the form's own questions with a live preview, 容缺 and the
 * level of identity; saved as a new version after a confirmation; the version history. Without `id`: a new item.
 */
function EditorBody({ id: startId }: { id?: string }) {
  const [id, setId] = useState(startId);
  const depts = useAsync(() => catalogueAdminApi.departments(), []);
  const loaded = useAsync(() => (id ? catalogueAdminApi.item(id) : Promise.resolve(undefined)), [id]);
  const [view, setView] = useState<CatalogueItemView>();
  const [draft, setDraft] = useState<ItemDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  useEffect(() => {
    if (loaded.data) {
      setView(loaded.data);
      setDraft(draftOf(loaded.data));
    }
  }, [loaded.data]);
  const set = <K extends keyof ItemDraft>(k: K, v: ItemDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const saving = useSubmit(
    (e) => {
      const err = asApiError(e);
      if (err.status === 409 && view) setStale(true);
      return err.message;
    },
    (form) => setErrors({ form }),
  );

  const save = () =>
    saving.send(async () => {
      const body = bodyOf(draft, view);
      const checked = view ? CatalogueItemVersionRequest.safeParse({ ...body, expectedVersion: view.version }) : NewCatalogueItem.safeParse(body);
      if (!checked.success) {
        setErrors({ ...fieldErrors(checked.error), form: '请按提示修改后再保存' });
        return;
      }
      setErrors({});
      const next = view ? view.version + 1 : 1;
      const ok = await confirmStep(
        view ? `保存为第 ${next} 版` : '新增事项',
        view
          ? `保存后新的申请按第 ${next} 版填写；已提交的办件仍按其提交时的版本办理。其他服务器上的办事指南约 1 分钟内更新。`
          : '保存为第 1 版后，居民可在办事指南中找到并在线申请（约 1 分钟内各处可见）。',
        '保存',
      );
      if (!ok) return;
      const saved = view ? await catalogueAdminApi.saveVersion(view.item.id, { ...body, expectedVersion: view.version }) : await catalogueAdminApi.create(body);
      setView(saved);
      setDraft(draftOf(saved));
      setId(saved.item.id);
      setStale(false);
      Taro.showToast({ title: `已保存第 ${saved.version} 版`, icon: 'success' });
    });

  const reloadLatest = () => {
    setStale(false);
    setErrors({});
    loaded.reload();
  };

  return (
    <StateView
      loading={(depts.loading && !depts.data) || (Boolean(id) && !view && !loaded.error)}
      error={depts.error ?? (view ? undefined : loaded.error)}
      onRetry={id ? loaded.reload : depts.reload}
    >
      <View className="section cat-head" data-testid="cat-editor">
        <View className="section-title">{view ? `${view.item.name} · 当前第 ${view.version} 版` : '新增办事事项'}</View>
        {view && (
          <View className="muted">
            事项编号 {view.item.id} · 实施编码 {view.item.code}
          </View>
        )}
      </View>
      <Basics d={draft} set={set} errors={errors} departments={(depts.data?.items ?? []) as Department[]} />
      <Materials list={draft.materials} onChange={(l) => set('materials', l)} error={firstUnder(errors, 'materials')} />
      <Fields list={draft.fields} onChange={(l) => set('fields', l)} error={firstUnder(errors, 'fields')} />
      <Preview fields={draft.fields} />
      <View className="section">
        <SendButton className="btn" busy={saving.busy} error={errors.form} errorTestId="cat-save-error" onClick={save} testId="cat-save">
          {view ? '保存为新版本' : '保存为第 1 版'}
        </SendButton>
        {stale && (
          <Button className="btn btn-plain cat-reload" data-testid="cat-reload" onClick={reloadLatest}>
            载入最新版本（放弃本次修改）
          </Button>
        )}
      </View>
      {view && <History view={view} />}
    </StateView>
  );
}

export default function CatalogueEditor() {
  const { params } = useRouter();
  return (
    <Page>
      <RoleGate roles={['admin']} what="事项目录">
        <EditorBody id={params.id ? decodeURIComponent(params.id) : undefined} />
      </RoleGate>
    </Page>
  );
}
