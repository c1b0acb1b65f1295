import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError } from '../../../../api/client';
import { publicationsApi, staffPublicationsApi, type EditBody, type PublicationDetail, type PublishBody } from '../../../../api/publications';
import { Field } from '../../../../components/Field';
import { Page } from '../../../../components/Page';
import { RoleGate } from '../../../../components/RoleGate';
import { SendButton } from '../../../../components/SendButton';
import { StateView } from '../../../../components/StateView';
import { confirmStep } from '../../../../components/confirmStep';
import { useAsync } from '../../../../hooks/useAsync';
import { useSubmit } from '../../../../hooks/useSubmit';
import { STAFF_PAGES } from '../../pages';
import { check, draftOf, emptyDraft, type PublicationDraft } from './draft';
import { Fields } from './Fields';
import { PdfAttachments } from './PdfAttachments';
import { PolicyPicker } from './PolicyPicker';
import { History, Withdraw } from './Withdraw';
import '../publish.css';

/** The server's field messages (a 400) under the fields, without the 「字段：」 it puts in front. */
const serverErrors = (details?: { field: string; message: string }[]) =>
  Object.fromEntries((details ?? []).map((d) => [d.field.replace(/^body\./, '').split('.')[0], d.message.replace(/^[^：]*：/, '')]));
const backToList = () => Taro.redirectTo({ url: STAFF_PAGES.publish });

/**
 * 发布 / 修改 (issue 19): the item's fields, its PDFs, the policy an interpretation explains; checked by the shared schema
 * before anything is sent, sent after a confirmation. A new item carries a key made when the form opened (a second tap,
 * a retry: one item). Editing saves a new version over the one loaded (someone else's save since: 409, nothing typed is
 * lost); 撤回 with a reason; the history.
 */
function Editor({ id }: { id?: string }) {
  const loaded = useAsync(() => (id ? publicationsApi.detail(id) : Promise.resolve(undefined)), [id]);
  const [view, setView] = useState<PublicationDetail>();
  const [d, setD] = useState<PublicationDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(false);
  const [key] = useState(() => staffPublicationsApi.newKey());
  useEffect(() => {
    if (!loaded.data) return;
    setView(loaded.data);
    setD(draftOf(loaded.data));
  }, [loaded.data]);

  const set = <K extends keyof PublicationDraft>(k: K, v: PublicationDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const saving = useSubmit(
    (e) => {
      const err = asApiError(e);
      if (err.status === 400 && err.details?.length) setErrors(serverErrors(err.details));
      return err.status === 409 ? `${err.message}（您填写的内容还在，可复制后刷新页面）` : err.message;
    },
    (form) => setErrors((x) => ({ ...x, form })),
  );

  const save = () =>
    saving.send(async () => {
      const { body, errors: found } = check(d, view?.version);
      if (found) {
        setErrors({ ...found, form: '请按提示修改后再提交' });
        return;
      }
      setErrors({});
      const ok = await confirmStep(
        view ? `保存为第 ${view.version + 1} 版` : '发布这条信息',
        view ? '保存后居民看到的是修改后的内容，修改记录会保留。' : '发布后居民即可查看和搜索，订阅了该栏目的居民会收到消息通知。',
        view ? '保存' : '发布',
      );
      if (!ok) return;
      if (view) await staffPublicationsApi.edit(view.id, body as EditBody);
      else await staffPublicationsApi.publish(body as PublishBody, key);
      Taro.showToast({ title: view ? '已保存' : '已发布', icon: 'success' });
      backToList();
    });

  return (
    <StateView loading={Boolean(id) && !view && !loaded.error} error={view ? undefined : loaded.error} onRetry={loaded.reload}>
      <Fields d={d} set={set} errors={errors} editing={Boolean(view)} />
      {d.category === 'interpretation' && <PolicyPicker value={d.interprets} onChange={(p) => set('interprets', p)} error={errors.interpretsId} />}
      <PdfAttachments value={d.attachments} onChange={(files) => set('attachments', files)} onUploading={setUploading} error={errors.attachments} />
      <View className="section">
        {view && (
          <Field
            name="note"
            label="修改说明（可不填）"
            value={d.note}
            onInput={(v) => set('note', v)}
            error={errors.note}
            maxlength={60}
            placeholder="如：更正停水时间"
          />
        )}
        <SendButton className="btn" busy={saving.busy} disabled={uploading} error={errors.form} errorTestId="pe-save-error" onClick={save} testId="pe-save">
          {view ? '保存修改' : '发布'}
        </SendButton>
      </View>
      {view && <Withdraw view={view} onDone={backToList} />}
      {view && <History id={view.id} version={view.version} />}
    </StateView>
  );
}

export default function PublishEditor() {
  const { params } = useRouter();
  return (
    <Page>
      <RoleGate roles={['staff']} what="政务公开发布">
        <Editor id={params.id} />
      </RoleGate>
    </Page>
  );
}
