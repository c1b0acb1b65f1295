import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { beijingTime, yuan, type OfferStatus, type OfferView } from '@yx/shared';
import { useEffect, useState } from 'react';
import { asApiError } from '../../../../api/client';
import { staffPoliciesApi } from '../../../../api/staffPolicies';
import { SendButton } from '../../../../components/SendButton';
import { ErrorLine } from '../../../../components/ErrorLine';
import { ListView } from '../../../../components/ListView';
import { Page } from '../../../../components/Page';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { Tabs } from '../../../../components/Tabs';
import { confirmStep } from '../../../../components/confirmStep';
import { useAsync } from '../../../../hooks/useAsync';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSubmit } from '../../../../hooks/useSubmit';
import { Actions, OutcomeView, type Outcome } from './Actions';
import { countOf, Funnel, type Batch } from './Funnel';
import '../policies.css';

const TAB_NAMES: [OfferStatus, string][] = [
  ['confirmed', '已确认'],
  ['approved', '审核通过'],
  ['paid', '已拨付'],
  ['offered', '待确认'],
  ['declined', '已放弃'],
  ['rejected', '未通过'],
  ['lapsed', '已过期'],
];
const MAX_PICK = 50;

/** What a row says under the firm's name, by its state. */
function facts(o: OfferView): string {
  const parts = [o.creditCode, yuan(o.amountYuan)];
  if (o.status === 'offered') parts.push(`比对于 ${beijingTime(o.offeredAt)}`, `确认截止 ${o.confirmBy}`);
  if (o.confirmedAt) parts.push(`确认于 ${beijingTime(o.confirmedAt)}${o.confirmedBy ? `（${o.confirmedBy}）` : ''}`);
  if (o.account && (o.status === 'confirmed' || o.status === 'approved')) parts.push(`收款账户 ${o.account}`);
  if (o.approvedAt && o.status === 'approved') parts.push(`审核于 ${beijingTime(o.approvedAt)}`);
  if (o.paidAt) parts.push(`拨付于 ${beijingTime(o.paidAt)}`);
  if (o.paymentRef) parts.push(`凭证号 ${o.paymentRef}`);
  if (o.rejectedReason) parts.push(`原因：${o.rejectedReason}`);
  return parts.join(' · ');
}

/**
 * 兑现批次 (issue 17): an item's 免申即享 firms by state as a funnel, re-running the comparison, and the firms of each
 * state; in 已确认 the officer approves or rejects selected firms, in 审核通过 records their payment.
 */
function BatchBody({ itemId }: { itemId: string }) {
  const loaded = useAsync(() => staffPoliciesApi.batch(itemId), [itemId]);
  const [b, setB] = useState<Batch>();
  useEffect(() => {
    if (loaded.data) setB(loaded.data);
  }, [loaded.data]);
  const [tab, setTab] = useState<OfferStatus>('confirmed');
  const list = usePagedList((cursor) => staffPoliciesApi.offers(itemId, tab, cursor), [itemId, tab], { key: (o) => o.creditCode });
  const [picked, setPicked] = useState<string[]>([]);
  const [pickError, setPickError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [matchError, setMatchError] = useState<string>();
  const matching = useSubmit((e) => asApiError(e).message, setMatchError);
  const selectable = tab === 'confirmed' || tab === 'approved';

  const change = (t: OfferStatus) => {
    setTab(t);
    setPicked([]);
    setPickError(undefined);
  };
  const pick = (code: string) => {
    if (picked.includes(code)) return setPicked(picked.filter((c) => c !== code));
    if (picked.length >= MAX_PICK) return setPickError(`一次最多选择 ${MAX_PICK} 家企业`);
    setPickError(undefined);
    setPicked([...picked, code]);
  };
  const shownCodes = list.items.map((o) => o.creditCode).slice(0, MAX_PICK);
  const allPicked = shownCodes.length > 0 && shownCodes.every((c) => picked.includes(c));
  const pickAll = () => {
    setPicked(allPicked ? [] : shownCodes);
    setPickError(!allPicked && list.items.length > MAX_PICK ? `一次最多 ${MAX_PICK} 家，已选前 ${MAX_PICK} 家` : undefined);
  };
  const done = (o: Outcome) => {
    setOutcome(o);
    setPicked([]);
    loaded.reload();
    void list.refresh();
  };
  const rematch = () =>
    matching.send(async () => {
      setMatchError(undefined);
      const ok = await confirmStep('重新比对', '按区里最新的企业数据重新比对。已发出的兑现提示不会重复发出，新符合条件的企业会收到提示。', '开始比对');
      if (!ok) return;
      setB(await staffPoliciesApi.match(itemId));
      void list.refresh();
      Taro.showToast({ title: '已重新比对', icon: 'success' });
    });

  const pickedRows = list.items.filter((o) => picked.includes(o.creditCode));
  return (
    <StateView loading={!b && loaded.loading} error={b ? undefined : loaded.error} onRetry={loaded.reload}>
      {b && (
        <>
          <View className="section" data-testid="pb-head">
            <View className="section-title">{b.itemTitle}</View>
            <View className="muted">{b.policyTitle}</View>
            <SendButton className="btn btn-plain pb-match" busy={matching.busy} error={matchError} onClick={rematch} testId="pb-match">
              重新比对
            </SendButton>
          </View>
          <Funnel b={b} />
          {outcome && <OutcomeView o={outcome} />}
          <View className="section">
            <Tabs prefix="pb" tabs={TAB_NAMES.map(([key, name]) => ({ key, name: `${name} ${countOf(b, key).firms}` }))} value={tab} onChange={change} />
            {selectable && list.items.length > 0 && (
              <View className="pb-pick-all-row">
                <View className="pb-pick tap" role="checkbox" aria-checked={allPicked} aria-label="全选本页" data-testid="pb-pick-all" onClick={pickAll}>
                  <View className={`pb-box ${allPicked ? 'on' : ''}`} />
                  <Text>全选本页</Text>
                </View>
                <Text className="muted">已选 {picked.length} 家</Text>
              </View>
            )}
            <ErrorLine error={pickError} />
            <ListView list={list} emptyText="这一状态下没有企业">
              {list.items.map((o) => (
                <View key={o.creditCode} className="pb-row" data-testid={`pb-row-${o.creditCode}`}>
                  {selectable ? (
                    <View
                      className="pb-pick tap"
                      role="checkbox"
                      aria-checked={picked.includes(o.creditCode)}
                      aria-label={`选择 ${o.firmName}`}
                      onClick={() => pick(o.creditCode)}
                    >
                      <View className={`pb-box ${picked.includes(o.creditCode) ? 'on' : ''}`} />
                      <Text className="pe-strong">{o.firmName}</Text>
                    </View>
                  ) : (
                    <Text className="pe-strong">{o.firmName}</Text>
                  )}
                  <View className="muted">{facts(o)}</View>
                </View>
              ))}
            </ListView>
            {(tab === 'confirmed' || tab === 'approved') &&
              list.items.length > 0 &&
              (picked.length > 0 ? (
                <Actions itemId={itemId} tab={tab} picked={pickedRows} onDone={done} />
              ) : (
                <View className="muted pb-hint">{tab === 'confirmed' ? '勾选企业后，可审核通过或不予通过' : '勾选企业后，可记录拨付'}</View>
              ))}
          </View>
        </>
      )}
    </StateView>
  );
}

export default function PolicyBatch() {
  const { params } = useRouter();
  const itemId = params.itemId ? decodeURIComponent(params.itemId) : '';
  return (
    <Page>
      <RoleGate roles={['staff', 'admin']} what="兑现批次">
        {itemId ? <BatchBody itemId={itemId} /> : <View className="state state-empty">没有指定政策条目，请从政策发布进入</View>}
      </RoleGate>
    </Page>
  );
}
