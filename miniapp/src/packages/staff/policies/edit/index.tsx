import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { NewPolicy, PolicyVersionRequest, type Department, type PolicyDetail, type UserView } from '@yx/shared';
import { useEffect, useState } from 'react';
import { asApiError } from '../../../../api/client';
import { staffPoliciesApi } from '../../../../api/staffPolicies';
import { Button } from '../../../../components/Button';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import { Page } from '../../../../components/Page';
import { RoleGate } from '../../../../components/RoleGate';
import { SendButton } from '../../../../components/SendButton';
import { StateView } from '../../../../components/StateView';
import { confirmStep } from '../../../../components/confirmStep';
import { useAsync } from '../../../../hooks/useAsync';
import { useSubmit } from '../../../../hooks/useSubmit';
import { Basics } from './Basics';
import { bodyOf, draftOf, emptyDraft, emptyItem, type ItemDraft, type PolicyDraft } from './draft';
import { firstUnder, policyErrors } from './errors';
import { History } from './History';
import { ItemEditor } from './ItemEditor';
import { Withdraw } from './Withdraw';
import '../policies.css';

const MAX_ITEMS = 20;

/** The server's field messages (a 400) under the fields, without the 「字段：」 it puts in front. */
const serverErrors = (details?: { field: string; message: string }[]) =>
  Object.fromEntries((details ?? []).map((d) => [d.field.replace(/^body\./, ''), d.message.replace(/^[^：]*：/, '')]));

/**
 * 编辑政策 (issue 17): the policy, its items and their conditions (each shown back in words), checked by the shared
 * schemas before anything is sent; saved as a new version after a confirmation (a 409 keeps what was typed and offers
 * the latest version); 撤回 with a reason; the version history. Without `id`: a new policy.
 */
function EditorBody({ id, user }: { id?: string; user: UserView }) {
  const admin = user.role === 'admin';
  const [target, setTarget] = useState(id);
  const depts = useAsync(() => (admin ? staffPoliciesApi.departments() : Promise.resolve(undefined)), [admin]);
  const loaded = useAsync(() => (target ? staffPoliciesApi.policy(target) : Promise.resolve(undefined)), [target]);
  const [view, setView] = useState<PolicyDetail>();
  const [draft, setDraft] = useState<PolicyDraft>(() => emptyDraft(admin ? '' : (user.departmentId ?? '')));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  const show = (p: PolicyDetail) => {
    setView(p);
    setDraft(draftOf(p));
  };
  useEffect(() => {
    if (!loaded.data) return;
    setView(loaded.data);
    setDraft(draftOf(loaded.data));
  }, [loaded.data]);

  const set = <K extends keyof PolicyDraft>(k: K, v: PolicyDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const putItem = (i: number, x: Partial<ItemDraft>) => setDraft((d) => ({ ...d, items: d.items.map((it, j) => (j === i ? { ...it, ...x } : it)) }));
  const saving = useSubmit(
    (e) => {
      const err = asApiError(e);
      if (err.status === 409 && view) setStale(true);
      if (err.status === 400 && err.details?.length) setErrors(serverErrors(err.details));
      return err.message;
    },
    (form) => setErrors((x) => ({ ...x, form })),
  );

  const save = () =>
    saving.send(async () => {
      const body = bodyOf(draft);
      const note = draft.note.trim();
      const version = view ? { ...body, expectedVersion: view.version, ...(note ? { note } : {}) } : undefined;
      const checked = version ? PolicyVersionRequest.safeParse(version) : NewPolicy.safeParse(body);
      if (!checked.success) {
        setErrors({ ...policyErrors(checked.error), form: '请按提示修改后再保存' });
        return;
      }
      setErrors({});
      const next = view ? view.version + 1 : 1;
      const ok = await confirmStep(
        view ? `保存为第 ${next} 版` : '发布政策',
        view
          ? `保存后政策超市显示第 ${next} 版，之后的比对和申请按新版本；已作出的比对、兑现和申请仍按原版本办理。`
          : '发布后企业即可在政策超市看到；免申即享条目随即开始数据比对，符合的企业会收到兑现提示。',
        view ? '保存' : '发布',
      );
      if (!ok) return;
      const saved = view && version ? await staffPoliciesApi.saveVersion(view.id, version) : await staffPoliciesApi.create(body);
      show(saved);
      setStale(false);
      Taro.showToast({ title: view ? `已保存第 ${saved.version} 版` : '已发布', icon: 'success' });
    });

  const reloadLatest = () => {
    setStale(false);
    setErrors({});
    if (view && target !== view.id) setTarget(view.id);
    else loaded.reload();
  };

  const withdrawn = view?.status === 'withdrawn';
  return (
    <StateView
      loading={(admin && depts.loading && !depts.data) || (Boolean(target) && !view && !loaded.error)}
      error={depts.error ?? (view ? undefined : loaded.error)}
      onRetry={target && !view ? loaded.reload : depts.reload}
    >
      <View className="section" data-testid="pe-editor">
        <View className="section-title">{view ? `${view.title} · 当前第 ${view.version} 版` : '发布新政策'}</View>
        {view && (
          <View className="muted">
            政策编号 {view.id} · {view.issuerName}
            {withdrawn && <Text className="tag tag-gray pe-tag">已撤回</Text>}
          </View>
        )}
      </View>
      {withdrawn && (
        <View className="notice" role="alert" data-testid="pe-withdrawn">
          本政策已撤回{view?.withdrawnReason ? `（${view.withdrawnReason}）` : ''}，不再展示和兑现，不能再修改。
        </View>
      )}
      <Basics
        d={draft}
        set={set}
        errors={errors}
        departments={admin ? ((depts.data?.items ?? []) as Department[]) : undefined}
        ownDepartment={view?.issuerName ?? user.departmentName}
      />
      <View className="section" data-testid="pe-items">
        <View className="section-title">政策条目（{draft.items.length}）</View>
        <View className="muted pe-hint">把政策拆成最小的可兑现条目：每条写明给什么、给谁（条件）、什么时候可以兑现。</View>
        {draft.items.map((it, i) => (
          <ItemEditor
            key={it.key}
            d={it}
            index={i}
            put={(x) => putItem(i, x)}
            remove={
              draft.items.length > 1
                ? () =>
                    set(
                      'items',
                      draft.items.filter((_, j) => j !== i),
                    )
                : undefined
            }
            errors={errors}
          />
        ))}
        <ErrorLine error={errors.items} />
        {draft.items.length < MAX_ITEMS && (
          <View
            className="pe-add tap"
            role="button"
            aria-label="＋ 添加条目"
            data-testid="pe-item-add"
            onClick={() => set('items', [...draft.items, emptyItem()])}
          >
            ＋ 添加条目
          </View>
        )}
      </View>
      {!withdrawn && (
        <View className="section">
          {view && (
            <Field
              name="note"
              label="修改说明（可不填）"
              value={draft.note}
              onInput={(v) => set('note', v)}
              error={errors.note}
              maxlength={60}
              placeholder="如：提高奖励上限"
            />
          )}
          <SendButton
            className="btn"
            busy={saving.busy}
            error={errors.form ?? firstUnder(errors, 'expectedVersion')}
            errorTestId="pe-save-error"
            onClick={save}
            testId="pe-save"
          >
            {view ? '保存为新版本' : '发布政策'}
          </SendButton>
          {stale && (
            <Button className="btn btn-plain pe-reload" data-testid="pe-reload" onClick={reloadLatest}>
              载入最新版本（放弃本次修改）
            </Button>
          )}
        </View>
      )}
      {view && !withdrawn && <Withdraw view={view} onDone={show} onConflict={() => setStale(true)} />}
      {view && <History id={view.id} version={view.version} />}
    </StateView>
  );
}

export default function PolicyEditor() {
  const { params } = useRouter();
  return (
    <Page>
      <RoleGate roles={['staff', 'admin']} what="政策发布">
        {(user) => <EditorBody id={params.id ? decodeURIComponent(params.id) : undefined} user={user} />}
      </RoleGate>
    </Page>
  );
}
