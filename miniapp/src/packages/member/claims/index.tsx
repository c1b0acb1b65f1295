import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { memberApi } from '../../../api/member';
import { Page } from '../../../components/Page';
import { QrCode } from '../../../components/QrCode';
import { StateView } from '../../../components/StateView';
import { formatDateTime, formatDay } from '../../../components/Timeline';
import { usePagedList } from '../../../hooks/usePagedList';
import { ClaimStatusTag, claimUsable, goMember, MemberGate } from '../common';
import './index.css';
import { Button } from '../../../components/Button';

/** 我的兑换码: the codes from member-day benefits; a usable one opens to its QR code for the partner to scan. */
export default function MyClaims() {
  return (
    <Page className="mb-cl">
      <MemberGate>
        <ClaimsBody />
      </MemberGate>
    </Page>
  );
}

function ClaimsBody() {
  // back on this page after showing a code at the counter its status may have changed: the list refreshes itself
  const list = usePagedList(() => memberApi.claims(), []);
  const [open, setOpen] = useState<string>();
  const items = list.items;

  return (
    <StateView loading={list.loading && !items.length} error={list.error} onRetry={list.refresh}>
      {!list.loading && items.length === 0 && (
        <View className="state state-empty" data-testid="empty">
          <View>还没有兑换码，会员日可领取专属福利</View>
          <Button className="btn mb-gate-btn" onClick={() => goMember('benefits')}>
            看看会员日福利
          </Button>
        </View>
      )}
      {items.map((c) => {
        const expanded = open === c.code;
        return (
          <View
            key={c.code}
            className={`card mb-claim ${expanded ? 'open' : ''} ${claimUsable(c) ? '' : 'used'}`}
            data-testid="claim"
            role="button"
            aria-expanded={expanded}
            onClick={() => setOpen(expanded ? undefined : c.code)}
          >
            <View className="card-head">
              <View className="mb-claim-title">{c.title}</View>
              <ClaimStatusTag claim={c} />
            </View>
            <View className="muted">
              {c.partner} · 领取于 {formatDateTime(c.claimedAt)}
            </View>
            <View className="mb-claim-row">
              <Text className="mb-code mb-claim-code">{c.code}</Text>
              <Text className="mb-claim-toggle">{expanded ? '收起' : claimUsable(c) ? '出示二维码 ›' : '详情 ›'}</Text>
            </View>
            {expanded && (
              <View className="mb-claim-panel" data-testid="claim-panel">
                {claimUsable(c) ? (
                  <>
                    <View className="mb-qr">
                      <QrCode text={c.code} size={360} label={`兑换码 ${c.code}`} />
                    </View>
                    <View className="mb-claim-valid">
                      请在 {formatDay(c.expiresOn)}（含）前到 {c.partner} 使用
                    </View>
                  </>
                ) : c.redeemedAt ? (
                  <View className="mb-claim-valid">已于 {formatDateTime(c.redeemedAt)} 核销使用</View>
                ) : (
                  <View className="mb-claim-valid">已于 {formatDay(c.expiresOn)} 过期，未能使用</View>
                )}
              </View>
            )}
          </View>
        );
      })}
    </StateView>
  );
}
