import { View } from '@tarojs/components';
import { WO_COMMENT_MAX, WO_RATING_NAMES, WO_RATINGS } from '@yx/shared';
import { useState } from 'react';
import { woApi, type WoRating } from '../../../api/workorders';
import { TextBox } from '../../../components/TextBox';
import { useSubmit } from '../../../hooks/useSubmit';
import type { WoActProps } from './parts';
import { SendButton } from '../../../components/SendButton';

/** The filer rates the answer; 不满意 the first time sends it back to be handled once more. */
export function RateBox({ d, onDone, onError }: WoActProps) {
  const [value, setValue] = useState<WoRating>();
  const [comment, setComment] = useState('');
  const { busy, send } = useSubmit(onError, (m) => setError(m));
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!value) {
      setError('请先选择一个评价');
      return;
    }
    setError(undefined);
    await send(async () => {
      const next = await woApi.rate(d.no, value, comment.trim() || undefined);
      onDone(next, value === 'unsatisfied' && !d.reopened ? '已退回重新办理' : '感谢您的评价');
    });
  };

  return (
    <View className="section" data-testid="rate">
      <View className="section-title">评价办理结果</View>
      <View className="muted">承办单位已办结回复，请对办理结果作出评价。</View>
      <View className="wd-rate-choices" role="radiogroup" aria-label="办理评价">
        {WO_RATINGS.map((r, i) => (
          <View
            key={r}
            className={`wd-rate-choice level-${i} ${value === r ? 'on' : ''}`}
            role="radio"
            aria-checked={value === r}
            aria-label={WO_RATING_NAMES[r]}
            onClick={() => {
              setValue(r);
              setError(undefined);
            }}
          >
            {WO_RATING_NAMES[r]}
          </View>
        ))}
      </View>
      <View className={`wd-rate-note ${value === 'unsatisfied' ? 'on' : ''}`} data-testid="unsatisfied-note">
        {d.reopened
          ? '本诉求已重新办理过一次，选择“不满意”后将结束办理，并记录您的评价。'
          : '选择“不满意”后，诉求将退回承办单位重新办理一次，办结后您可再次评价。'}
      </View>
      <TextBox label="评价内容" hideLabel value={comment} max={WO_COMMENT_MAX} placeholder="说说您对办理结果的看法（选填）" onInput={setComment} />
      <SendButton className="btn wd-submit" error={error} busy={busy} onClick={submit}>
        提交评价
      </SendButton>
    </View>
  );
}
