import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { asApiError, newIdempotencyKey } from '../../../api/client';
import { communityApi } from '../../../api/deliberation';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { SendButton } from '../../../components/SendButton';
import { StateView } from '../../../components/StateView';
import { TextBox } from '../../../components/TextBox';
import { useAsync } from '../../../hooks/useAsync';
import { pageUrl } from '../common';
import { ResidenceGate } from '../ResidenceGate';
import './index.css';

/** What is typed so far, kept on the phone (nothing lost on the way back), with the key that makes a retry one topic. */
interface RaiseDraft {
  title: string;
  details: string;
  key: string;
}
const DRAFT = 'community-raise-draft';
const emptyDraft = (): RaiseDraft => ({ title: '', details: '', key: newIdempotencyKey('tp') });
function loadDraft(): RaiseDraft {
  const d = Taro.getStorageSync(DRAFT) as Partial<RaiseDraft> | '';
  return d && typeof d === 'object' && typeof d.key === 'string' ? { ...emptyDraft(), ...d } : emptyDraft();
}

/** 提出议题 (issue 19): a confirmed resident writes what they want the community to talk over; the grid official opens it. */
export default function RaiseTopic() {
  return (
    <Page className="crs">
      <RoleGate roles={['resident']} what="提出议题" loginText="登录后可以向本社区提出议题" deniedText="提出议题仅供社区居民使用">
        <Body />
      </RoleGate>
    </Page>
  );
}

function Body() {
  const mine = useAsync(() => communityApi.myResidence(), []);
  return (
    <StateView loading={mine.loading && !mine.data} error={mine.data ? undefined : mine.error} onRetry={mine.reload}>
      {mine.data && <ResidenceGate mine={mine.data}>{(communityId) => <RaiseForm communityId={communityId} />}</ResidenceGate>}
    </StateView>
  );
}

function RaiseForm({ communityId }: { communityId: string }) {
  const { params } = useRouter();
  const [draft, setDraftState] = useState<RaiseDraft>(loadDraft);
  const [errors, setErrors] = useState<{ title?: string; details?: string }>({});
  const [failed, setFailed] = useState<string>();
  const [busy, setBusy] = useState(false);
  const setDraft = (d: RaiseDraft) => {
    setDraftState(d);
    Taro.setStorageSync(DRAFT, d);
  };

  const submit = async () => {
    const title = draft.title.trim();
    const details = draft.details.trim();
    const problems = {
      title: title.length < 4 ? '议题标题至少 4 个字，如：东门加装充电棚' : undefined,
      details: details.length < 10 ? '议题内容至少 10 个字：想解决什么问题、有什么建议' : undefined,
    };
    setErrors(problems);
    if (problems.title || problems.details) return;
    setBusy(true);
    setFailed(undefined);
    try {
      const t = await communityApi.raise(draft.key, params.communityId || communityId, { title, details });
      Taro.removeStorageSync(DRAFT);
      Taro.showToast({ title: '已提交，待网格员审议', icon: 'success' });
      Taro.redirectTo({ url: pageUrl('topic', { id: t.id }) });
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section" data-testid="raise-form">
      <View className="section-title">提出议题</View>
      <View className="muted crs-hint">写清楚想和邻居们商量什么。网格员审议后会开启讨论（可发起投票），或说明不采纳的原因。</View>
      <Field
        label="议题标题"
        name="title"
        testId="raise-title"
        value={draft.title}
        maxlength={40}
        placeholder="如：东门加装电动自行车充电棚"
        error={errors.title}
        onInput={(v) => setDraft({ ...draft, title: v })}
      />
      <TextBox
        label="议题内容"
        value={draft.details}
        max={1000}
        placeholder="遇到了什么问题，有什么建议"
        error={errors.details}
        onInput={(v) => setDraft({ ...draft, details: v })}
      />
      <View className="muted crs-hint">请勿填写身份证号、电话等个人信息；含不文明用语的议题会先由网格员审核。</View>
      <SendButton className="btn" testId="raise-submit" error={failed} busy={busy} onClick={submit}>
        提交议题
      </SendButton>
    </View>
  );
}
