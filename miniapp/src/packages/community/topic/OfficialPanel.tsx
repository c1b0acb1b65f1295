import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { leafCategories, type CategoryId } from '@yx/shared';
import { useState } from 'react';
import { asApiError, newIdempotencyKey } from '../../../api/client';
import { communityStaffApi, type OpenTopicBody, type TopicDetail } from '../../../api/deliberation';
import { Chips } from '../../../components/Chips';
import { SendButton } from '../../../components/SendButton';
import { TextBox } from '../../../components/TextBox';
import { confirmStep } from '../../../components/confirmStep';
import { OpenForm } from './OpenForm';

const CATEGORIES = leafCategories('community').map((c) => ({ value: c.id as CategoryId, label: c.name }));

/** One step's state: busy, why it failed, and the texts typed into its boxes (kept until it succeeds). */
function useStep(onChanged: () => void) {
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState<{ step: string; message: string }>();
  /** True when the step went through (what was typed for it may then go). */
  const run = async (step: string, fn: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(step);
    setFailed(undefined);
    try {
      await fn();
      Taro.showToast({ title: done, icon: 'success' });
      onChanged();
      return true;
    } catch (e) {
      setFailed({ step, message: asApiError(e).message });
      return false;
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, run, failedOf: (step: string) => (failed?.step === step ? failed.message : undefined) };
}

/**
 * The grid official's steps on a topic of their community: 开启讨论 (with a vote) or 不予采纳 a proposal; 发布处理结果 once
 * the discussion closed; 补充落实情况; 转为工单 (the existing work-order engine, once).
 */
export function OfficialPanel({ d, onChanged }: { d: TopicDetail; onChanged: () => void }) {
  const { busy, run, failedOf } = useStep(onChanged);
  const [texts, setTexts] = useState({ decline: '', respond: '', follow: '', order: '' });
  const [completes, setCompletes] = useState(false);
  const [category, setCategory] = useState<CategoryId>();
  const [orderKey] = useState(() => newIdempotencyKey('wo'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const text = (k: keyof typeof texts) => texts[k].trim();
  const type = (k: keyof typeof texts) => (v: string) => setTexts((x) => ({ ...x, [k]: v }));
  const need = (k: keyof typeof texts, min: number, message: string) => {
    const bad = text(k).length < min;
    setErrors((e) => ({ ...e, [k]: bad ? message : '' }));
    return !bad;
  };

  const open = async (body: OpenTopicBody) => {
    if (!(await confirmStep('开启讨论', body.vote ? '开启后居民即可讨论和投票，投票设置不能再修改。' : '开启后本社区居民即可发表意见。', '开启', '再想想')))
      return;
    await run('open', () => communityStaffApi.open(d.id, body), '已开启讨论');
  };
  const decline = async () => {
    if (!need('decline', 4, '请写明不予采纳的原因（至少 4 个字），提议人会收到')) return;
    if (!(await confirmStep('不予采纳', `不予采纳「${d.title}」？原因会告知提议人，不能撤回。`, '不予采纳', '取消'))) return;
    await run('decline', () => communityStaffApi.decline(d.id, text('decline')), '已处理');
  };
  const respond = async () => {
    if (!need('respond', 4, '请写明议定了什么（至少 4 个字）')) return;
    if (!(await confirmStep('发布处理结果', '处理结果将向本社区居民公布，发布后不能修改。', '发布', '取消'))) return;
    await run('respond', () => communityStaffApi.respond(d.id, text('respond')), '已发布');
  };
  const follow = async () => {
    if (!need('follow', 4, '请写明做了什么（至少 4 个字）')) return;
    if (await run('follow', () => communityStaffApi.followUp(d.id, text('follow'), completes), '已补充')) setTexts((x) => ({ ...x, follow: '' }));
  };
  const order = async () => {
    if (!category) {
      setErrors((e) => ({ ...e, order: '请选择工单分类' }));
      return;
    }
    if (text('order') && !need('order', 10, '工单说明至少 10 个字，或不填（用处理结果）')) return;
    if (!(await confirmStep('转为工单', '将按所选分类派给承办单位办理，议题会显示工单进度。', '转为工单', '取消'))) return;
    await run(
      'order',
      () => communityStaffApi.workOrder(orderKey, d.id, { categoryId: category, ...(text('order') ? { description: text('order') } : {}) }),
      '已转为工单',
    );
  };

  const { open: canOpen, decline: canDecline, respond: canRespond, followUp, workOrder } = d.can;
  if (!(canOpen || canDecline || canRespond || followUp || workOrder)) return null;
  return (
    <View className="section ct-official" data-testid="official-panel">
      <View className="section-title">网格员处理</View>
      {d.can.open && <OpenForm busy={busy === 'open'} failed={failedOf('open')} onSend={(b) => void open(b)} />}
      {d.can.decline && (
        <View className="ct-step">
          <TextBox label="不予采纳的原因" value={texts.decline} max={200} error={errors.decline || undefined} onInput={type('decline')} />
          <SendButton className="btn btn-plain" testId="decline-submit" error={failedOf('decline')} busy={busy === 'decline'} onClick={() => void decline()}>
            不予采纳
          </SendButton>
        </View>
      )}
      {d.can.respond && (
        <View className="ct-step">
          <TextBox
            label="处理结果"
            value={texts.respond}
            max={1000}
            placeholder="讨论和投票后议定了什么、下一步怎么做"
            error={errors.respond || undefined}
            onInput={type('respond')}
          />
          <SendButton className="btn" testId="respond-submit" error={failedOf('respond')} busy={busy === 'respond'} onClick={() => void respond()}>
            发布处理结果
          </SendButton>
        </View>
      )}
      {d.can.followUp && (
        <View className="ct-step">
          <TextBox
            label="落实情况"
            value={texts.follow}
            max={500}
            placeholder="做了什么、进展到哪一步"
            error={errors.follow || undefined}
            onInput={type('follow')}
          />
          <Chips
            label="是否已全部落实"
            options={[
              { value: 'no', label: '还在落实' },
              { value: 'yes', label: '已全部落实' },
            ]}
            value={completes ? 'yes' : 'no'}
            onChange={(v) => setCompletes(v === 'yes')}
          />
          <SendButton className="btn ct-gap" testId="follow-submit" error={failedOf('follow')} busy={busy === 'follow'} onClick={() => void follow()}>
            提交落实情况
          </SendButton>
        </View>
      )}
      {d.can.workOrder && (
        <View className="ct-step">
          <View className="field-label">转为工单：分类</View>
          <Chips label="工单分类" options={CATEGORIES} value={category} onChange={setCategory} />
          <TextBox
            label="工单说明（选填）"
            value={texts.order}
            max={500}
            placeholder="不填则用议题和处理结果"
            error={errors.order || undefined}
            onInput={type('order')}
          />
          <SendButton className="btn btn-plain" testId="work-order-submit" error={failedOf('order')} busy={busy === 'order'} onClick={() => void order()}>
            转为工单
          </SendButton>
        </View>
      )}
    </View>
  );
}
