import { Text, View } from '@tarojs/components';
import { yuan } from '@yx/shared';
import { policyApi, type OfferView } from '../../../api/policies';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { formatDay } from '../../../components/Timeline';
import { useAsync } from '../../../hooks/useAsync';
import { useRowAction } from '../../../hooks/useRowAction';
import { useSession } from '../../../hooks/useSession';
import { ConditionRows, FirmGate, goPolicy, offerStatusName } from '../common';
import { ConfirmForm } from './ConfirmForm';
import { OfferProgress } from './OfferProgress';
import './index.css';

/** 免申即享 (issue 17), the firm's own: offers to confirm, then the ones on their way, then those that ended. */
export default function Offers() {
  return (
    <Page className="po">
      <FirmGate what="免申即享">
        <OffersBody />
      </FirmGate>
    </Page>
  );
}

const ON_THE_WAY = ['confirmed', 'approved', 'paid'];

function OffersBody() {
  const list = useAsync(() => policyApi.offers(), []);
  const agent = useSession()?.user.firmRole === 'agent';
  const { busy: declining, run } = useRowAction(list.reload);
  const items = list.data?.items ?? [];
  const toConfirm = items.filter((o) => o.status === 'offered');
  const onTheWay = items.filter((o) => ON_THE_WAY.includes(o.status));
  const ended = items.filter((o) => o.status !== 'offered' && !ON_THE_WAY.includes(o.status));

  const decline = async (o: OfferView) => {
    const sure = await confirmStep('放弃领取', `放弃后不能再领取“${o.itemTitle}”的 ${yuan(o.amountYuan)}。确定放弃吗？`, '确认放弃', '再想想');
    if (sure) await run(o.itemId, () => policyApi.declineOffer(o.itemId), '已放弃');
  };

  return (
    <>
      <View className="section po-intro">
        <View className="section-title">免申即享</View>
        <View className="muted">区里按掌握的数据自动比对，符合条件的企业不用申请：确认领取、填写收款账户，审核后直接拨付。</View>
        <View className="po-flow" aria-hidden>
          数据比对 → 意愿确认 → 拨付到账
        </View>
        {agent && <View className="muted po-agent">经办人确认领取，需法定代表人在授权中开通“政策兑现”。</View>}
      </View>
      <StateView
        loading={list.loading && !list.data}
        error={list.data ? undefined : list.error}
        onRetry={list.reload}
        empty={!items.length}
        emptyText={
          <View>
            <View>暂时没有免申即享的政策资金。区里比对出本企业符合条件时，会发消息通知您。</View>
            <Button className="btn btn-plain po-empty-btn" onClick={() => goPolicy('market')}>
              去政策超市看看
            </Button>
          </View>
        }
      >
        {toConfirm.length > 0 && <View className="po-group">待确认（{toConfirm.length}）</View>}
        {toConfirm.map((o) => (
          <View key={o.itemId} className="card po-card" data-testid={`offer-${o.itemId}`}>
            <OfferHead o={o} />
            <View className="po-amount">
              <Text className="po-amount-num">{yuan(o.amountYuan)}</Text>
              <Text className="po-confirm-by">请于 {formatDay(o.confirmBy)} 前确认</Text>
            </View>
            <View className="po-sub">区里比对的信息</View>
            <ConditionRows conditions={o.conditions} links={false} />
            <ConfirmForm offer={o} onDone={list.reload} />
            <View
              className="po-decline tap"
              role="button"
              aria-label={`放弃领取：${o.itemTitle}`}
              aria-disabled={declining === o.itemId || undefined}
              onClick={() => declining !== o.itemId && decline(o)}
            >
              放弃领取
            </View>
          </View>
        ))}

        {onTheWay.length > 0 && <View className="po-group">已确认（{onTheWay.length}）</View>}
        {onTheWay.map((o) => (
          <View key={o.itemId} className="card po-card" data-testid={`offer-${o.itemId}`}>
            <OfferHead o={o} />
            <View className="po-amount">
              <Text className="po-amount-num small">{yuan(o.amountYuan)}</Text>
            </View>
            <OfferProgress offer={o} />
          </View>
        ))}

        {ended.length > 0 && <View className="po-group">已结束</View>}
        {ended.map((o) => (
          <View key={o.itemId} className="card po-card ended" data-testid={`offer-${o.itemId}`}>
            <OfferHead o={o} />
            <View className="po-line">
              {yuan(o.amountYuan)} · {offerStatusName(o.status)}
            </View>
            {o.rejectedReason && <View className="po-line">原因：{o.rejectedReason}</View>}
          </View>
        ))}
      </StateView>
    </>
  );
}

function OfferHead({ o }: { o: OfferView }) {
  return (
    <View className="card-head">
      <View>
        <View className="po-item">{o.itemTitle}</View>
        <View className="muted">{o.policyTitle}</View>
      </View>
      <Text
        className={`tag ${o.status === 'paid' ? 'tag-green' : o.status === 'offered' ? 'tag-red' : ON_THE_WAY.includes(o.status) ? 'tag-blue' : 'tag-gray'}`}
      >
        {offerStatusName(o.status)}
      </Text>
    </View>
  );
}
