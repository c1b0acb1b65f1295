import { View } from '@tarojs/components';
import { RATING_COMMENT_MAX, RATING_NAMES, RATINGS, type Rating } from '@yx/shared';
import { useState } from 'react';
import { api } from '../../../api/client';
import { TextBox } from '../../../components/TextBox';
import { useSubmit } from '../../../hooks/useSubmit';
import type { ActionProps } from './parts';
import { SendButton } from '../../../components/SendButton';

/** 好差评: the applicant rates the service once it has ended, with a comment if they like. */
export function RateBox({ d, onDone, onError }: ActionProps) {
  const [value, setValue] = useState<Rating>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit(onError, setError);

  const submit = async () => {
    if (!value) {
      setError('请先选择一个评价');
      return;
    }
    setError(undefined);
    await send(async () => onDone(await api.rate(d.appNo, value, comment.trim() || undefined), '感谢您的评价'));
  };

  return (
    <View className="dt-rate" data-testid="rate">
      <View className="dt-rate-choices" role="radiogroup" aria-label="服务评价">
        {RATINGS.map((r, i) => (
          <View
            key={r}
            className={`dt-rate-choice ${value === r ? 'on' : ''} level-${i}`}
            role="radio"
            aria-checked={value === r}
            aria-label={RATING_NAMES[r]}
            onClick={() => {
              setValue(r);
              setError(undefined);
            }}
          >
            <View className="dt-rate-name">{RATING_NAMES[r]}</View>
            <View className="dt-rate-stars">{'★'.repeat(RATINGS.length - i)}</View>
          </View>
        ))}
      </View>
      <TextBox label="评价内容" hideLabel value={comment} max={RATING_COMMENT_MAX} placeholder="说说您的办事感受（选填）" onInput={setComment} />
      <SendButton className="btn dt-submit" error={error} busy={busy} onClick={submit}>
        提交评价
      </SendButton>
    </View>
  );
}
