import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { asApiError } from '../../../api/client';
import { memberApi, type BenefitView, type ClaimView } from '../../../api/member';
import { Page } from '../../../components/Page';
import { QrCode } from '../../../components/QrCode';
import { StateView } from '../../../components/StateView';
import { formatDay } from '../../../components/Timeline';
import { useAsync } from '../../../hooks/useAsync';
import { goMember, MemberGate, monthDay, newIdempotencyKey } from '../common';
import { ErrorLine } from '../../../components/ErrorLine';
import './index.css';
import { Button } from '../../../components/Button';

/** 会员日福利: what partners offer this member day, stock and who may claim; claiming gives a redeem code. */
export default function Benefits() {
  return (
    <Page className="mb-bn">
      <MemberGate>
        <BenefitsBody />
      </MemberGate>
    </Page>
  );
}

function BenefitsBody() {
  const list = useAsync(() => memberApi.benefits(), []);
  /** One key per benefit from when its dialog first opens until a claim succeeds: a double tap or retry claims once. */
  const keys = useRef(new Map<string, string>());
  const inFlight = useRef(false);
  const [busyId, setBusyId] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [won, setWon] = useState<ClaimView>();
  const d = list.data;

  const claim = async (b: BenefitView) => {
    if (inFlight.current || !b.canClaim) return;
    inFlight.current = true;
    let key = keys.current.get(b.id);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(b.id, key);
    }
    try {
      const spend = b.pointsPrice > 0 ? `将使用 ${b.pointsPrice} 积分，` : '免费领取，';
      const r = await Taro.showModal({
        title: '确认领取',
        content: `领取“${b.title}”${spend}兑换码 ${b.validDays} 天内到${b.partner}使用有效。确定领取吗？`,
        confirmText: '领取',
        cancelText: '再想想',
      });
      if (!r.confirm) return;
      setBusyId(b.id);
      setErrors((e) => ({ ...e, [b.id]: '' }));
      const view = await memberApi.claimBenefit(key, b.id);
      keys.current.delete(b.id);
      setWon(view);
      list.reload();
    } catch (e) {
      const err = asApiError(e);
      setErrors((x) => ({ ...x, [b.id]: err.message }));
      // stock, the limit or the balance changed meanwhile: show the list as it is now
      if (err.status === 409 || err.status === 422) list.reload();
    } finally {
      inFlight.current = false;
      setBusyId(undefined);
    }
  };

  return (
    <StateView loading={list.loading && !d} error={d ? undefined : list.error} onRetry={list.reload}>
      {d && (
        <>
          <View className={`mb-memberday ${d.memberDay.isToday ? 'on' : ''}`} data-testid="member-day">
            {d.memberDay.isToday ? (
              <Text>今天是会员日，福利限时领取，先到先得</Text>
            ) : (
              <Text>福利只能在会员日领取，下次会员日 {monthDay(d.memberDay.next)}</Text>
            )}
          </View>
          {d.items.length === 0 && <View className="state state-empty">暂时没有福利，敬请期待</View>}
          {d.items.map((b) => {
            const pct = b.stock > 0 ? Math.round((b.stockLeft / b.stock) * 100) : 0;
            return (
              <View key={b.id} className={`card mb-benefit ${b.soldOut ? 'sold-out' : ''}`} data-testid="benefit" data-id={b.id}>
                <View className="card-head">
                  <View className="mb-benefit-title">{b.title}</View>
                  <Text className={`mb-price ${b.pointsPrice ? '' : 'free'}`}>{b.pointsPrice ? `${b.pointsPrice} 积分` : '免费'}</Text>
                </View>
                <View className="mb-benefit-partner">{b.partner}</View>
                {b.description && <View className="mb-benefit-desc">{b.description}</View>}
                <View className="mb-benefit-facts">
                  <Text className="tag tag-blue">{b.minLevel}及以上</Text>
                  <Text className="tag tag-gray">每人限领 {b.perMemberLimit} 次</Text>
                  {b.claimedByMe > 0 && <Text className="tag tag-green">已领 {b.claimedByMe} 次</Text>}
                  <Text className="tag tag-gray">{b.validDays} 天内有效</Text>
                </View>
                <View className="mb-stock">
                  <View className="mb-stock-bar">
                    <View className="mb-stock-fill" style={{ width: `${pct}%` }} />
                  </View>
                  <Text className="mb-stock-text" data-testid="stock">
                    {b.soldOut ? '已领完' : `仅剩 ${b.stockLeft} 份`}
                  </Text>
                  <Text className="muted mb-stock-total">共 {b.stock} 份</Text>
                </View>
                <View className="mb-benefit-foot">
                  {b.canClaim || !d.memberDay.isToday ? (
                    <Button
                      className="btn mb-benefit-claim"
                      disabled={!b.canClaim || !!busyId || undefined}
                      loading={busyId === b.id || undefined}
                      onClick={() => claim(b)}
                    >
                      领取
                    </Button>
                  ) : (
                    <View className="mb-benefit-reason" data-testid="reason">
                      {b.reason ?? '暂不能领取'}
                    </View>
                  )}
                  <ErrorLine error={errors[b.id]} />
                </View>
              </View>
            );
          })}
          <View className="mb-more">
            <Button className="btn btn-plain" onClick={() => goMember('claims')}>
              我的兑换码
            </Button>
          </View>
        </>
      )}

      {won && (
        <View className="mb-result-mask">
          <View className="mb-result" role="dialog" aria-label="领取成功" data-testid="claim-result">
            <View className="mb-result-title">领取成功</View>
            <View className="mb-result-name">{won.title}</View>
            <View className="mb-code mb-result-code">{won.code}</View>
            <View className="mb-qr">
              <QrCode text={won.code} size={320} label={`兑换码 ${won.code}`} />
            </View>
            <View className="mb-result-valid">
              请在 {formatDay(won.expiresOn)}（含）前到 {won.partner} 使用
            </View>
            {won.pointsPrice > 0 && <View className="muted">已使用 {won.pointsPrice} 积分</View>}
            <View className="muted">出示兑换码或二维码，由工作人员核销</View>
            <Button className="btn mb-result-btn" onClick={() => setWon(undefined)}>
              知道了
            </Button>
            <Button
              className="btn btn-plain mb-result-btn"
              onClick={() => {
                setWon(undefined);
                goMember('claims');
              }}
            >
              查看我的兑换码
            </Button>
          </View>
        </View>
      )}
    </StateView>
  );
}
