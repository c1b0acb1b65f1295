import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { POLICY_TOPICS, type PolicyTopicId } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { policyApi } from '../../../api/policies';
import { Button } from '../../../components/Button';
import { ErrorLine } from '../../../components/ErrorLine';
import { SendButton } from '../../../components/SendButton';
import { useAsync } from '../../../hooks/useAsync';
import { useSubmit } from '../../../hooks/useSubmit';

const TOPIC_IDS = Object.keys(POLICY_TOPICS) as PolicyTopicId[];
const names = (ids: string[]) => ids.map((t) => POLICY_TOPICS[t as PolicyTopicId] ?? t).join('、');

/** 订阅主题: a new policy in a chosen topic sends a message. Shut, it says what is subscribed; open, a chip per topic and 保存. */
export function TopicsPanel() {
  const saved = useAsync(() => policyApi.topics(), []);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit((e) => asApiError(e).message, setError);
  const current = saved.data?.topics ?? [];

  const edit = () => {
    setChosen(current);
    setError(undefined);
    setOpen(true);
  };
  const toggle = (t: string) => setChosen((c) => (c.includes(t) ? c.filter((x) => x !== t) : [...c, t]));
  const save = () =>
    send(async () => {
      await policyApi.saveTopics(TOPIC_IDS.filter((t) => chosen.includes(t)));
      Taro.showToast({ title: '已保存订阅', icon: 'success' });
      setOpen(false);
      saved.reload();
    });

  return (
    <View className="section pm-topics" data-testid="topics">
      <View className="section-title">订阅政策主题</View>
      {!open && (
        <>
          <View className="muted" data-testid="topics-current">
            {saved.loading && !saved.data
              ? '加载中…'
              : saved.error && !saved.data
                ? saved.error.message
                : current.length
                  ? `已订阅：${names(current)}。有新政策发布时，会在“消息”中通知您。`
                  : '还没有订阅。订阅后，有新政策发布时会在“消息”中通知您。'}
          </View>
          {saved.data && (
            <Button className="btn btn-plain pm-topics-btn" onClick={edit}>
              {current.length ? '修改订阅' : '选择主题'}
            </Button>
          )}
        </>
      )}
      {open && (
        <>
          <View className="pm-topic-list">
            {TOPIC_IDS.map((t) => (
              <View
                key={t}
                className={`chip pm-topic ${chosen.includes(t) ? 'on' : ''}`}
                role="checkbox"
                aria-checked={chosen.includes(t)}
                aria-label={POLICY_TOPICS[t]}
                onClick={() => toggle(t)}
              >
                {POLICY_TOPICS[t]}
              </View>
            ))}
          </View>
          <ErrorLine error={error} />
          <View className="pm-topics-actions">
            <Button className="btn btn-plain" onClick={() => setOpen(false)}>
              取消
            </Button>
            <SendButton className="btn" busy={busy} onClick={save} testId="topics-save">
              保存订阅
            </SendButton>
          </View>
        </>
      )}
    </View>
  );
}
