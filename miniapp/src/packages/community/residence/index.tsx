import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { communityApi, type MyResidence, type ResidenceView } from '../../../api/deliberation';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { SendButton } from '../../../components/SendButton';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { formatDateTime } from '../../../components/Timeline';
import { useAsync } from '../../../hooks/useAsync';
import { Notice } from '../common';
import './index.css';

/**
 * 我的社区 (issue 19): the community I live in and its state (待确认, 已确认, 未通过), 登记 or 重新登记 with street,
 * community and address, and 已搬离. An address on the community's roads is confirmed at once; any other waits for
 * its grid official.
 */
export default function MyCommunity() {
  return (
    <Page className="cr">
      <RoleGate roles={['resident']} what="我的社区" loginText="登录后可以登记您所在的社区" deniedText="登记所在社区仅供居民使用">
        <Body />
      </RoleGate>
    </Page>
  );
}

function Body() {
  const mine = useAsync(() => communityApi.myResidence(), []);
  const communities = useAsync(() => communityApi.communities(), []);
  const [data, setData] = useState<MyResidence>();
  const shown = data ?? mine.data;
  const failed = (mine.data ? undefined : mine.error) ?? (communities.data ? undefined : communities.error);
  return (
    <StateView
      loading={(mine.loading && !mine.data) || (communities.loading && !communities.data)}
      error={failed}
      onRetry={() => {
        mine.reload();
        communities.reload();
      }}
    >
      {shown && communities.data && (
        <>
          {!shown.proven && (
            <Notice title="请先完成人脸核验实名" testId="needs-proof">
              <View className="muted">登记所在社区需要人脸核验实名，保证每位居民一票。</View>
              <Button className="btn" onClick={() => Taro.navigateTo({ url: '/packages/account/real-name/index' })}>
                去实名认证
              </Button>
            </Notice>
          )}
          {shown.residence && <Current r={shown.residence} onLeft={setData} />}
          {shown.proven && <DeclareForm streets={communities.data.streets} current={shown.residence ?? undefined} onDone={setData} />}
        </>
      )}
    </StateView>
  );
}

function Current({ r, onLeft }: { r: ResidenceView; onLeft: (d: MyResidence) => void }) {
  const [busy, setBusy] = useState(false);
  const leave = async () => {
    const sure =
      r.status === 'confirmed'
        ? await confirmStep('已搬离', `确认已搬离${r.communityName}？确认后将不能再参与该社区的议事和投票。`, '确认已搬离', '取消')
        : await confirmStep('取消登记', `取消在${r.communityName}的居住登记？`, '取消登记', '不取消');
    if (!sure) return;
    setBusy(true);
    try {
      onLeft(await communityApi.leave());
      Taro.showToast({ title: '已取消所在社区', icon: 'success' });
    } catch (e) {
      Taro.showToast({ title: asApiError(e).message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  const tone = r.status === 'confirmed' ? 'green' : r.status === 'pending' ? 'orange' : 'red';
  return (
    <View className="section" data-testid="residence-current">
      <View className="section-title">我的社区</View>
      <View className="cr-name">
        {r.streetName} · {r.communityName}
        <View className={`tag tag-${tone} cr-status`} data-testid="residence-status">
          {r.statusName}
        </View>
      </View>
      <View className="cr-line">居住地址：{r.address}</View>
      <View className="cr-line muted">
        登记于 {formatDateTime(r.declaredAt)}
        {r.status === 'confirmed' && (r.how === 'address' ? '，地址与社区地址库相符，已自动确认' : `，${r.decidedByName ?? '网格员'}已确认`)}
      </View>
      {r.status === 'refused' && <View className="cr-line cr-reason">未通过原因：{r.reason}</View>}
      <Button className="btn btn-plain cr-leave" disabled={busy || undefined} loading={busy || undefined} onClick={leave}>
        {r.status === 'confirmed' ? '已搬离' : '取消登记'}
      </Button>
    </View>
  );
}

type Streets = { id: string; name: string; communities: { id: string; name: string; addressKnown: boolean }[] }[];

function DeclareForm({ streets, current, onDone }: { streets: Streets; current?: ResidenceView; onDone: (d: MyResidence) => void }) {
  const [street, setStreet] = useState(current?.street ?? streets[0]?.id);
  const [community, setCommunity] = useState(current?.communityId);
  const [address, setAddress] = useState(current?.address ?? '');
  const [errors, setErrors] = useState<{ community?: string; address?: string }>({});
  const [failed, setFailed] = useState<string>();
  const [busy, setBusy] = useState(false);
  const list = streets.find((s) => s.id === street)?.communities ?? [];
  const chosen = list.find((c) => c.id === community);

  const submit = async () => {
    const problems = {
      community: chosen ? undefined : '请选择所在社区',
      address: address.trim().length >= 6 ? undefined : '请填写居住地址（至少 6 个字），如：府前路 1 号 3 栋 502',
    };
    setErrors(problems);
    if (problems.community || problems.address) return;
    setBusy(true);
    setFailed(undefined);
    try {
      const r = await communityApi.declare({ communityId: chosen!.id, address: address.trim() });
      onDone(r);
      Taro.showToast({ title: r.residence?.status === 'confirmed' ? '已确认' : '已提交，待网格员确认', icon: 'success' });
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section" data-testid="residence-form">
      <View className="section-title">{current ? '重新登记' : '登记所在社区'}</View>
      <View className="field-label">所在街道</View>
      <Chips
        label="所在街道"
        options={streets.map((s) => ({ value: s.id, label: s.name }))}
        value={street}
        onChange={(v) => {
          setStreet(v);
          setCommunity(undefined);
        }}
      />
      <View className="field-label cr-gap">所在社区</View>
      <Chips label="所在社区" options={list.map((c) => ({ value: c.id, label: c.name }))} value={community} onChange={setCommunity} />
      {errors.community && <View className="error-text">{errors.community}</View>}
      {chosen && (
        <View className="muted cr-hint">
          {chosen.addressKnown ? '地址与社区地址库相符的，提交后即时确认；其他地址由网格员确认。' : '该社区由网格员确认居住登记，一般在 3 个工作日内。'}
        </View>
      )}
      <Field
        label="居住地址"
        name="address"
        value={address}
        maxlength={80}
        placeholder="如：府前路 1 号 3 栋 502"
        error={errors.address}
        onInput={setAddress}
      />
      <View className="muted cr-hint">地址仅用于确认您是本社区居民，加密保存，只有本社区网格员可以看到。</View>
      <SendButton className="btn cr-submit" testId="residence-submit" error={failed} busy={busy} onClick={submit}>
        提交登记
      </SendButton>
    </View>
  );
}
