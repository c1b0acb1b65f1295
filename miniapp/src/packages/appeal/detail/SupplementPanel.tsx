import { View } from '@tarojs/components';
import { WO_COMMENT_MAX, WO_TEXT_MIN } from '@yx/shared';
import { useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { woApi } from '../../../api/workorders';
import { SendButton } from '../../../components/SendButton';
import { TextBox } from '../../../components/TextBox';
import { useSubmit } from '../../../hooks/useSubmit';
import type { WoActProps } from './parts';
import { Button } from '../../../components/Button';

/**
 * 补充说明: the filer adds to what the order says until it is closed (a one-tap call's worded description gives way to
 * it; any other keeps its words with this after them). Folded until asked for; one key per text, so a retry adds it once.
 */
export function SupplementPanel({ d, onDone, onError }: WoActProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [key, setKey] = useState(() => newIdempotencyKey('wo'));
  const [error, setError] = useState<string>();
  const [failed, setFailed] = useState<string>();
  const { busy, send } = useSubmit(onError, (m) => setFailed(m));
  const worded = d.description.startsWith('一键呼叫：');

  const submit = async () => {
    const note = text.trim();
    if (note.length < WO_TEXT_MIN) {
      setError(`请用至少 ${WO_TEXT_MIN} 个字补充说明`);
      return;
    }
    setError(undefined);
    setFailed(undefined);
    await send(async () => {
      const next = await woApi.supplement(d.no, note, key);
      setText('');
      setKey(newIdempotencyKey('wo'));
      setOpen(false);
      onDone(next, '已补充');
    });
  };

  return (
    <View className="section" data-testid="supplement">
      <View className="section-title">补充说明</View>
      <View className="muted wd-note-hint">
        {worded ? '上报时按分类和位置自动生成了描述，补充后将替换为您写的内容。' : '可补充问题的具体情况（如发生了什么、持续多久），承办人员会看到。'}
      </View>
      {open ? (
        <>
          <TextBox
            label="补充说明"
            hideLabel
            value={text}
            max={WO_COMMENT_MAX}
            error={error}
            placeholder={`如：小区门口健身器材断裂，有儿童在玩（至少 ${WO_TEXT_MIN} 个字）`}
            onInput={(v) => {
              setText(v);
              setError(undefined);
            }}
          />
          <SendButton className="btn wd-submit" error={failed} testId="supplement-submit" busy={busy} onClick={submit}>
            提交补充说明
          </SendButton>
        </>
      ) : (
        <Button className="btn btn-plain wd-submit" data-testid="supplement-open" onClick={() => setOpen(true)}>
          写补充说明
        </Button>
      )}
    </View>
  );
}
