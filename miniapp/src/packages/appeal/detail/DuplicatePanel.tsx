import { View } from '@tarojs/components';
import { WO_NO_PATTERN } from '@yx/shared';
import { useState } from 'react';
import { woApi } from '../../../api/workorders';
import { confirmStep } from '../../../components/confirmStep';
import { Field } from '../../../components/Field';
import { useSubmit } from '../../../hooks/useSubmit';
import type { WoActProps } from './parts';
import { Button } from '../../../components/Button';

/** The street's dispatcher closes this order as a duplicate of an open one; its filer then follows the original. */
export function DuplicatePanel({ d, onDone, onError }: WoActProps) {
  const [open, setOpen] = useState(false);
  const [original, setOriginal] = useState('');
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit(onError, (m) => setError(m));

  const submit = async () => {
    if (!original) {
      setError('请输入原工单编号');
      return;
    }
    if (!WO_NO_PATTERN.test(original)) {
      setError('应为 SQ 开头的 18 位工单编号，如 SQ2026112673015542');
      return;
    }
    if (original === d.no) {
      setError('不能标记为自身的重复件，请输入原工单编号');
      return;
    }
    setError(undefined);
    if (!(await confirmStep('标记重复件', `本工单将关闭并并入 ${original}，反映人改为关注原工单的办理进展。关闭后不能恢复，确定吗？`, '确认标记'))) return;
    await send(async () => {
      onDone(await woApi.markDuplicate(d.no, original), '已标记重复件');
    });
  };

  return (
    <View className="section" data-testid="duplicate">
      <View className="section-title">重复件</View>
      <View className="muted">与已有工单反映的是同一问题时，可并入原工单一并办理。</View>
      {!open ? (
        <Button className="btn btn-plain wd-small-btn" data-testid="duplicate-open" onClick={() => setOpen(true)}>
          标记重复件
        </Button>
      ) : (
        <View className="wd-form" data-testid="form-duplicate">
          <Field
            label="原工单编号"
            name="originalNo"
            value={original}
            maxlength={24}
            error={error}
            placeholder="SQ 开头的 18 位编号"
            onInput={(v) => {
              setOriginal(v.replace(/\s/g, '').toUpperCase());
              setError(undefined);
            }}
          />
          <View className="wd-form-buttons">
            <Button
              className="btn btn-plain wd-half"
              disabled={busy || undefined}
              onClick={() => {
                setOpen(false);
                setError(undefined);
              }}
            >
              取消
            </Button>
            <Button className="btn wd-half" data-testid="duplicate-submit" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>
              标记并关闭
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
