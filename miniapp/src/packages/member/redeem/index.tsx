import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REDEEM_INPUT_MAX, RedeemCodeParam } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { memberApi, type PartnerClaimView } from '../../../api/member';
import { Page } from '../../../components/Page';
import { formatDateTime, formatDay } from '../../../components/Timeline';
import { RoleGate } from '../../../components/RoleGate';
import { ClaimStatusTag, claimUsable } from '../common';
import { ErrorLine } from '../../../components/ErrorLine';
import './index.css';
import { Button } from '../../../components/Button';

/** The H5 build has no camera scanning; WeChat does. */
const CAN_SCAN = process.env.TARO_ENV !== 'h5';

/** 兑换码核销: partner staff look a member's code up (typed or scanned) and redeem it once. */
export default function Redeem() {
  return (
    <Page className="mb-rd">
      <RoleGate roles={['partner']} what="兑换码核销">
        <RedeemBody />
      </RoleGate>
    </Page>
  );
}

function RedeemBody() {
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<string>();
  const [claim, setClaim] = useState<PartnerClaimView>();
  const [busy, setBusy] = useState<'query' | 'redeem'>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const query = async (raw: string) => {
    if (busy) return;
    setDone(undefined);
    setError(undefined);
    if (!raw.trim()) {
      setInputError('请输入兑换码');
      return;
    }
    const p = RedeemCodeParam.safeParse(raw);
    if (!p.success) {
      setInputError(p.error.issues[0]?.message ?? '兑换码不正确，请核对后再输入');
      setClaim(undefined);
      return;
    }
    setInput(p.data);
    setInputError(undefined);
    setClaim(undefined);
    setBusy('query');
    try {
      setClaim(await memberApi.partnerClaim(p.data));
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(undefined);
    }
  };

  const scan = async () => {
    let text: string;
    try {
      text = (await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })).result;
    } catch {
      return; // cancelled
    }
    setInput(text);
    query(text);
  };

  const redeem = async () => {
    if (!claim || busy) return;
    const r = await Taro.showModal({
      title: '确认核销',
      content: `核销“${claim.title}”（兑换码 ${claim.code}）？核销后不能撤销。`,
      confirmText: '核销',
      cancelText: '取消',
    });
    if (!r.confirm) return;
    setBusy('redeem');
    setError(undefined);
    try {
      const v = await memberApi.redeem(claim.code);
      setClaim(v);
      setDone(`核销成功：${v.title}`);
      Taro.showToast({ title: '核销成功', icon: 'success' });
    } catch (e) {
      const err = asApiError(e);
      setError(err.message);
      // used or expired meanwhile (another counter): show the code as it is now
      if (err.status === 409) memberApi.partnerClaim(claim.code).then(setClaim, () => undefined);
    } finally {
      setBusy(undefined);
    }
  };

  const next = () => {
    setInput('');
    setClaim(undefined);
    setDone(undefined);
    setError(undefined);
  };

  return (
    <>
      <View className="card">
        <View className="field-label">兑换码</View>
        <Input
          className={`input mb-redeem-input ${inputError ? 'input-error' : ''}`}
          value={input}
          maxlength={REDEEM_INPUT_MAX}
          placeholder="如 ABCD-EFGH-JK，大小写和短横线均可"
          onInput={(e) => setInput(e.detail.value)}
          onConfirm={(e) => query(e.detail.value)}
          confirmType="search"
          aria-label="兑换码"
          nativeProps={{ 'aria-label': '兑换码' }}
        />
        <ErrorLine error={inputError} />
        <View className="mb-redeem-actions">
          <Button className="btn mb-redeem-query" disabled={!!busy || undefined} loading={busy === 'query' || undefined} onClick={() => query(input)}>
            查询
          </Button>
          {CAN_SCAN && (
            <Button className="btn btn-plain mb-redeem-scan" onClick={scan}>
              扫码
            </Button>
          )}
        </View>
      </View>

      {done && (
        <View className="mb-success mb-redeem-done" role="status">
          {done}
        </View>
      )}
      {error && (
        <View className="notice mb-redeem-error" role="alert">
          {error}
        </View>
      )}

      {claim && (
        <View className="card mb-redeem-claim" data-testid="redeem-claim">
          <View className="card-head mb-redeem-head">
            <View className="mb-redeem-title">{claim.title}</View>
            <ClaimStatusTag claim={claim} />
          </View>
          <View className="mb-redeem-fact">
            <Text className="muted">兑换码</Text>
            <Text className="mb-code">{claim.code}</Text>
          </View>
          <View className="mb-redeem-fact">
            <Text className="muted">会员卡号</Text>
            <Text data-testid="member-no">{claim.memberNo}</Text>
          </View>
          <View className="mb-redeem-fact">
            <Text className="muted">合作单位</Text>
            <Text>{claim.partner}</Text>
          </View>
          <View className="mb-redeem-fact">
            <Text className="muted">领取时间</Text>
            <Text>{formatDateTime(claim.claimedAt)}</Text>
          </View>
          <View className="mb-redeem-fact">
            <Text className="muted">有效期至</Text>
            <Text>{formatDay(claim.expiresOn)}</Text>
          </View>
          {claim.redeemedAt && (
            <View className="mb-redeem-fact">
              <Text className="muted">核销时间</Text>
              <Text>{formatDateTime(claim.redeemedAt)}</Text>
            </View>
          )}
          {claimUsable(claim) ? (
            <Button className="btn mb-redeem-confirm" disabled={!!busy || undefined} loading={busy === 'redeem' || undefined} onClick={redeem}>
              确认核销
            </Button>
          ) : (
            <View className="mb-redeem-note">{claim.status === 'redeemed' ? '该兑换码已核销，不能重复使用' : '该兑换码已过期，不能核销'}</View>
          )}
        </View>
      )}

      {(done || (claim && !claimUsable(claim))) && (
        <View className="mb-more">
          <Button className="btn btn-plain" onClick={next}>
            核销下一个
          </Button>
        </View>
      )}
    </>
  );
}
