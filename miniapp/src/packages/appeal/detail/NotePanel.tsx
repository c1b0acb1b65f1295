import { View } from '@tarojs/components';
import { WO_NOTE_MAX, WO_NOTE_MIN, WO_PHOTOS_MAX } from '@yx/shared';
import { useState, type Dispatch, type SetStateAction } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import type { Uploaded } from '../../../api/upload';
import { woApi } from '../../../api/workorders';
import { PhotoPicker } from '../../../components/PhotoPicker';
import { TextBox } from '../../../components/TextBox';
import { useSubmit } from '../../../hooks/useSubmit';
import type { WoActProps } from './parts';
import { SendButton } from '../../../components/SendButton';

/** What the owner is writing, with the key that makes a retry of it one note (not two). */
export interface NoteDraft {
  text: string;
  photos: Uploaded[];
  key: string;
}
export const emptyNote = (): NoteDraft => ({ text: '', photos: [], key: newIdempotencyKey('wo') });

/** 处理进展: the owner records what was done, with 处理前/处理后 photos; the filer and followers are told. */
export function NotePanel({ d, draft, setDraft, onDone, onError }: WoActProps & { draft: NoteDraft; setDraft: Dispatch<SetStateAction<NoteDraft>> }) {
  const { busy, send } = useSubmit(onError, (m) => setFailed(m));
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();
  const [failed, setFailed] = useState<string>();

  const submit = async () => {
    const text = draft.text.trim();
    if (text.length < WO_NOTE_MIN) {
      setError(`处理进展至少 ${WO_NOTE_MIN} 个字，请写明做了什么、进展如何`);
      return;
    }
    if (text.length > WO_NOTE_MAX) {
      setError(`处理进展不能超过 ${WO_NOTE_MAX} 字`);
      return;
    }
    setError(undefined);
    setFailed(undefined);
    await send(async () => {
      const next = await woApi.addNote(
        d.no,
        text,
        draft.photos.map((p) => p.fileId),
        draft.key,
      );
      setDraft(emptyNote());
      onDone(next, '已记录');
    });
  };

  return (
    <View className="section" data-testid="note-panel">
      <View className="section-title">处理进展</View>
      <View className="muted wd-note-hint">记录处理情况（如已到现场、已约谈商户），可附处理前、处理后的照片；反映人会收到通知。</View>
      <TextBox
        label="处理进展"
        hideLabel
        value={draft.text}
        max={WO_NOTE_MAX}
        error={error}
        placeholder={`如：已到现场核查，约谈了商户，明日复查（至少 ${WO_NOTE_MIN} 个字）`}
        onInput={(v) => {
          setDraft((x) => ({ ...x, text: v }));
          setError(undefined);
        }}
      />
      <View className="field-label">处理前/处理后照片（选填，最多 {WO_PHOTOS_MAX} 张）</View>
      <PhotoPicker
        dense
        material="处理进展照片"
        testId="note-photo"
        max={WO_PHOTOS_MAX}
        disabled={busy || undefined}
        photos={draft.photos}
        onChange={(f) => setDraft((x) => ({ ...x, photos: f(x.photos) }))}
        onUploading={setUploading}
      />
      <SendButton className="btn wd-submit" error={failed} errorTestId="note-error" testId="note-submit" busy={busy} disabled={uploading} onClick={submit}>
        提交进展
      </SendButton>
    </View>
  );
}
