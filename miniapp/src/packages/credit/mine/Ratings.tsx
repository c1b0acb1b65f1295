import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { RATING_RULES } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { creditApi, myCreditApi, type Rating } from '../../../api/credit';
import { Button } from '../../../components/Button';
import { confirmStep } from '../../../components/confirmStep';
import { ListView } from '../../../components/ListView';
import { SendButton } from '../../../components/SendButton';
import { TextBox } from '../../../components/TextBox';
import { usePagedList } from '../../../hooks/usePagedList';
import { RatingRow } from '../parts/RatingRow';
import { asPage } from './common';

/** 商户评价: what customers said of the firm, newest first; one reply to each (it cannot be changed). */
export function Ratings({ code }: { code: string }) {
  const list = usePagedList((cursor) => creditApi.ratings(code, cursor).then(asPage), [code], { key: (r) => r.id });
  const [open, setOpen] = useState<string>();
  // what is typed for each rating stays while another is answered
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const replied = (r: Rating) => {
    list.setItems((items) => items.map((x) => (x.id === r.id ? r : x)));
    setOpen(undefined);
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== r.id)));
  };
  return (
    <View className="section" data-testid="ratings">
      <View className="section-title">商户评价</View>
      <ListView list={list} emptyText="还没有顾客评价。把信用码公示牌张贴在店内，顾客扫码即可评价。">
        {list.items.map((r) => (
          <RatingRow key={r.id} r={r}>
            {!r.reply &&
              (open === r.id ? (
                <ReplyBox
                  rating={r}
                  text={drafts[r.id] ?? ''}
                  onText={(t) => setDrafts((d) => ({ ...d, [r.id]: t }))}
                  onReplied={replied}
                  onClose={() => setOpen(undefined)}
                />
              ) : (
                <Button className="btn btn-plain fc-small fc-reply-btn" data-testid={`reply-${r.id}`} onClick={() => setOpen(r.id)}>
                  回复
                </Button>
              ))}
          </RatingRow>
        ))}
      </ListView>
    </View>
  );
}

/** The reply to one rating: at least 2 characters, asked once more before it goes (it cannot be changed). */
function ReplyBox({
  rating,
  text,
  onText,
  onReplied,
  onClose,
}: {
  rating: Rating;
  text: string;
  onText: (t: string) => void;
  onReplied: (r: Rating) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<string>();
  const [failed, setFailed] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    const t = text.trim();
    if (t.length < 2) {
      setError('回复至少 2 个字');
      return;
    }
    setError(undefined);
    if (!(await confirmStep('回复评价', '回复后不能修改，确定发送？', '发送'))) return;
    setBusy(true);
    setFailed(undefined);
    try {
      const r = await myCreditApi.reply(rating.id, t);
      Taro.showToast({ title: '已回复', icon: 'success' });
      onReplied(r);
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="fc-reply" data-testid="reply-box">
      <TextBox
        label="回复顾客"
        value={text}
        onInput={(v) => {
          onText(v);
          setError(undefined);
        }}
        max={RATING_RULES.replyMax}
        placeholder="感谢顾客的评价，或说明改进的措施（回复后不能修改）"
        error={error}
      />
      <SendButton className="btn" testId="reply-send" error={failed} busy={busy} onClick={() => void send()}>
        发送回复
      </SendButton>
      <View className="tap fc-link" role="button" onClick={onClose}>
        收起
      </View>
    </View>
  );
}
