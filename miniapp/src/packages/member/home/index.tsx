import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { asApiError } from '../../../api/client';
import { memberApi, type CardFace, type CheckInResult, type MemberCardView, type MemberHome } from '../../../api/member';
import { Page } from '../../../components/Page';
import { QrCode } from '../../../components/QrCode';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { goMember, MemberGate, monthDay, spacedMemberNo } from '../common';
import { ErrorLine } from '../../../components/ErrorLine';
import './index.css';
import { Button } from '../../../components/Button';

const faceStyle = (face: CardFace) => ({ background: `linear-gradient(135deg, ${face.from}, ${face.to})`, color: face.text });

/** 会员专区: the electronic member card (or the offer to claim one), daily check-in and the way to the rest. */
export default function MemberHomePage() {
  return (
    <Page className="mb-home">
      <MemberGate>
        <HomeBody />
      </MemberGate>
    </Page>
  );
}

function HomeBody() {
  const home = useAsync(() => memberApi.home(), []);
  /** The card as the last claim or check-in returned it, until the next load. */
  const [fresh, setFresh] = useState<MemberCardView>();
  const [result, setResult] = useState<CheckInResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const shownAt = useRef(Date.now());

  useEffect(() => {
    setFresh(undefined);
  }, [home.data]);
  // back from 福利/积分 (points spent or earned): load again, but not right after the first load
  useDidShow(() => {
    if (Date.now() - shownAt.current > 1000) home.reload();
    shownAt.current = Date.now();
  });

  const h = home.data;
  const card = fresh ?? h?.card ?? undefined;

  const claimCard = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      setFresh(await memberApi.claimCard());
      Taro.showToast({ title: '领卡成功', icon: 'success' });
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const checkIn = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await memberApi.checkIn();
      setFresh(r.card);
      setResult(r);
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <StateView loading={home.loading && !h} error={h ? undefined : home.error} onRetry={home.reload}>
      {h && (
        <>
          {result?.upgradedTo && (
            <View className="mb-upgraded" role="alert">
              恭喜升级为 {result.upgradedTo}！卡面已更新
            </View>
          )}
          {card ? <CardView card={card} /> : <ClaimOffer home={h} busy={busy} onClaim={claimCard} />}
          <ErrorLine error={error} className="mb-center" />

          {card && (
            <>
              <View className="card mb-checkin-box">
                <View className="mb-checkin-head">
                  <View>
                    <View className="mb-streak" data-testid="streak">
                      {card.streak > 0 ? (
                        <>
                          已连续签到 <Text className="mb-streak-n">{card.streak}</Text> 天
                        </>
                      ) : (
                        '每天签到领积分，连续签到有额外奖励'
                      )}
                    </View>
                    {card.nextBonus && (
                      <View className="muted" data-testid="next-bonus">
                        再签 {card.nextBonus.daysLeft} 天可得 +{card.nextBonus.points}
                      </View>
                    )}
                  </View>
                </View>
                <Button
                  className="btn mb-checkin"
                  disabled={card.checkedToday || busy || undefined}
                  loading={(busy && !card.checkedToday) || undefined}
                  onClick={checkIn}
                >
                  {card.checkedToday ? '今日已签到' : `签到领 ${h.checkIn.basePoints} 积分`}
                </Button>
                {result && !result.already && (
                  <View className="mb-checkin-result" role="status">
                    <Text className="mb-plus">+{result.points} 积分</Text>
                    {result.bonus > 0 && (
                      <Text className="mb-bonus">
                        （含连续 {result.streak} 天奖励 +{result.bonus}）
                      </Text>
                    )}
                  </View>
                )}
                {result?.already && <View className="muted mb-center">今天已经签过到了，明天再来</View>}
              </View>

              <View className="mb-links">
                <View className="mb-link" role="button" onClick={() => goMember('calendar')}>
                  <View className="mb-link-icon">历</View>
                  <Text>签到日历</Text>
                </View>
                <View className="mb-link" role="button" onClick={() => goMember('points')}>
                  <View className="mb-link-icon">分</View>
                  <Text>积分明细</Text>
                </View>
                <View className="mb-link" role="button" onClick={() => goMember('benefits')}>
                  <View className="mb-link-icon">礼</View>
                  <Text>会员日福利</Text>
                </View>
                <View className="mb-link" role="button" onClick={() => goMember('claims')}>
                  <View className="mb-link-icon">码</View>
                  <Text>我的兑换码</Text>
                </View>
              </View>
            </>
          )}

          <View className={`mb-memberday ${h.memberDay.isToday ? 'on' : ''}`} role="button" onClick={() => goMember('benefits')} data-testid="member-day">
            {h.memberDay.isToday ? <Text>今天是会员日，专属福利限时领取</Text> : <Text>下次会员日：{monthDay(h.memberDay.next)}</Text>}
            <Text className="mb-memberday-go">每月 {h.memberDay.dayOfMonth} 日 ›</Text>
          </View>

          {card && card.level.perks.length > 0 && (
            <View className="section">
              <View className="section-title">{card.level.name}权益</View>
              {card.level.perks.map((p) => (
                <View key={p} className="mb-perk">
                  {p}
                </View>
              ))}
            </View>
          )}

          <View className="section">
            <View className="section-title">会员等级</View>
            {h.levels.map((l) => (
              <View key={l.id} className={`mb-level-row ${card?.level.id === l.id ? 'on' : ''}`}>
                <View className="mb-level-swatch" style={faceStyle(l.face)} />
                <Text className="mb-level-row-name">{l.name}</Text>
                <Text className="muted">{l.threshold ? `成长值满 ${l.threshold}` : '领卡即得'}</Text>
                {card?.level.id === l.id && <Text className="tag tag-red mb-level-now">当前</Text>}
              </View>
            ))}
            <View className="muted mb-level-note">成长值是累计获得的积分，使用积分不会降低等级。</View>
          </View>
        </>
      )}
    </StateView>
  );
}

/** The card drawn in its level's colours, with the member number as text and as a QR code. */
function CardView({ card }: { card: MemberCardView }) {
  const { level, next } = card;
  return (
    <View className="mb-face-wrap">
      <View className="mb-face mb-card" style={faceStyle(level.face)} data-level={level.id}>
        <View className="mb-face-top">
          <Text className="mb-brand">越秀会员卡</Text>
          <Text className="mb-level-name">{level.name}</Text>
        </View>
        <View className="mb-face-body">
          <View>
            <View className="mb-face-label">可用积分</View>
            <View className="mb-points">{card.balance}</View>
            <View className="mb-member-no" aria-label={`会员号 ${card.memberNo}`}>
              {spacedMemberNo(card.memberNo)}
            </View>
          </View>
          <View className="mb-face-qr">
            <QrCode text={card.memberNo} size={200} label={`会员码 ${card.memberNo}`} />
          </View>
        </View>
      </View>
      <View className="mb-progress" data-testid="progress">
        {next ? (
          <>
            <View className="mb-progress-text">
              <Text>
                再得 {next.needed} 成长值升级为 {next.name}
              </Text>
              <Text className="muted">
                成长值 {card.growth}/{next.threshold}
              </Text>
            </View>
            <View
              className="mb-bar"
              role="progressbar"
              aria-label={`升级进度：成长值 ${card.growth}/${next.threshold}`}
              aria-valuenow={Math.round(next.ratio * 100)}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <View className="mb-bar-fill" style={{ width: `${Math.round(next.ratio * 100)}%` }} />
            </View>
          </>
        ) : (
          <View className="mb-progress-text">
            <Text>已是最高等级，感谢您的支持</Text>
            <Text className="muted">成长值 {card.growth}</Text>
          </View>
        )}
      </View>
    </View>
  );
}

/** No card yet: what it looks like, the points already waiting, and the button. */
function ClaimOffer({ home, busy, onClaim }: { home: MemberHome; busy: boolean; onClaim: () => void }) {
  const first = home.levels[0];
  return (
    <View className="mb-face-wrap">
      <View className="mb-face mb-card-preview" style={first ? faceStyle(first.face) : undefined}>
        <View className="mb-face-top">
          <Text className="mb-brand">越秀会员卡</Text>
          {first && <Text className="mb-preview-level">{first.name}</Text>}
        </View>
        <View className="mb-preview-text">每日签到领积分 · 会员日领专属福利</View>
        <View className="mb-preview-no">YX•• •••• ••••</View>
      </View>
      <View className="mb-offer">
        {home.pendingPoints > 0 && (
          <View className="mb-pending" data-testid="pending">
            您已有 {home.pendingPoints} 积分，领卡后即可使用
          </View>
        )}
        <Button className="btn mb-claim-card" disabled={busy || undefined} loading={busy || undefined} onClick={onClaim}>
          领取会员卡
        </Button>
        <View className="muted mb-center">免费领取，一人一卡</View>
      </View>
    </View>
  );
}
