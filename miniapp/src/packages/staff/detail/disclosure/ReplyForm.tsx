import { View } from '@tarojs/components';
import { DISCLOSURE_TEXT_MAX, REPLY_KIND_IDS, REPLY_KINDS, REPLY_NEEDS, type ReplyKind } from '@yx/shared';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { TextBox } from '../../../../components/TextBox';
import { FormBox, SubmitButton, type Errors, type FormProps } from '../forms';
import { OptionList } from './OptionList';
import { EMPTY_DRAFT, ReplyFields, replyExtras, withoutErrorsOf, type ReplyDraft } from './ReplyFields';
import { REPLY_WHEN } from './words';

const TEXT_HINTS: Partial<Record<ReplyKind, string>> = {
  published: '如：你申请的信息已主动公开，可通过以下途径获取。',
  disclosed: '如：现将你申请的政府信息提供给你，详见附件。',
  partial: '如：现将可以公开的部分提供给你；其余部分涉及第三方商业秘密，不予公开。',
  withheld: '如：你申请的信息属于过程性信息，依法不予公开。',
  not_exist: '如：经检索，本机关未制作或获取你申请的信息。',
  not_ours: '如：你申请的信息不属于本机关负责公开，请向下列机关申请。',
};

/**
 * 答复 (arts. 36, 37, 35): the kind — each with its article and when it is the one — then exactly the fields that kind
 * needs, and the words to the requester. Sent after a confirmation (a reply cannot be changed; see Actions).
 */
export function ReplyForm({ d, send, busy }: FormProps) {
  const frequent = Boolean(d.disclosure?.frequent);
  const [kind, setKind] = useState<ReplyKind>();
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<ReplyDraft>(EMPTY_DRAFT);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const needs = kind ? REPLY_NEEDS[kind] : [];
  // art. 35's 不予处理 is for a requester beyond a reasonable number of requests only
  const kinds = REPLY_KIND_IDS.filter((k) => k !== 'not_processed' || frequent);

  const set = (patch: Partial<ReplyDraft>) => {
    setDraft((x) => ({ ...x, ...patch }));
    setErrors(withoutErrorsOf(patch));
  };

  const submit = async () => {
    if (!kind) {
      setErrors({ kind: '请选择答复类型' });
      return;
    }
    if (uploading) return;
    setErrors((await send('reply', { kind, text, ...replyExtras(kind, needs, draft) })) ?? {});
  };

  return (
    <FormBox title="答复">
      <View className="field-label dc-label">答复类型</View>
      <OptionList
        label="答复类型"
        value={kind}
        onChange={(k) => {
          setKind(k);
          setErrors({});
        }}
        options={kinds.map((k) => ({ value: k, name: REPLY_KINDS[k].name, tag: REPLY_KINDS[k].article, line: REPLY_WHEN[k] }))}
      />
      <ErrorLine error={errors.kind} />
      {kind && (
        <View data-testid="reply-fields">
          <ReplyFields kind={kind} needs={needs} draft={draft} set={set} errors={errors} onUploading={setUploading} busy={busy} />
          <TextBox
            label="答复内容（写入答复书）"
            value={text}
            onInput={(v) => {
              setText(v);
              setErrors((x) => ({ ...x, text: '' }));
            }}
            max={DISCLOSURE_TEXT_MAX}
            placeholder={TEXT_HINTS[kind] ?? '写明答复的事实和理由'}
            error={errors.text}
          />
          <View className="muted">答复书加盖电子印章后送达申请人，并告知其申请行政复议、提起行政诉讼的权利。答复发出后不能更改。</View>
          <SubmitButton busy={busy || uploading} onClick={submit} text="发出答复" />
        </View>
      )}
    </FormBox>
  );
}
