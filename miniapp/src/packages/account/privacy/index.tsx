import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CLOSE_ACCOUNT_PHRASE, COLLECTED, RETENTION, type MyDataExport, type PrivacyView } from '@yx/shared';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { clearSession } from '../../../api/session';
import { ErrorLine } from '../../../components/ErrorLine';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { useAsync } from '../../../hooks/useAsync';
import './index.css';
import { Button } from '../../../components/Button';

const day = (iso: string) => iso.slice(0, 10);

/** 收集的信息与用途, each with the consent the person gave (and when). */
function Collected({ consents }: { consents: PrivacyView['consents'] }) {
  return (
    <View className="section">
      <View className="section-title">我们收集的信息与用途</View>
      {COLLECTED.map((c) => {
        const given = c.consent ? consents[c.consent] : undefined;
        return (
          <View key={c.key} className="privacy-item" data-testid={`collected-${c.key}`}>
            <View className="privacy-what">{c.what}</View>
            <View className="privacy-why">{c.why}</View>
            {c.consent && <View className="muted">{given ? `您已于 ${day(given.at)} 同意（说明版本 ${given.version}）` : '尚未提供'}</View>}
          </View>
        );
      })}
    </View>
  );
}

/** 导出我的数据: counts at a glance, the whole copy to the clipboard (WeChat and the browser both offer it). */
function ExportPanel() {
  const [data, setData] = useState<MyDataExport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const load = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setData(await api.exportMyData());
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const copy = () => data && Taro.setClipboardData({ data: JSON.stringify(data, null, 2) });
  return (
    <View className="section">
      <View className="section-title">导出我的数据</View>
      <View className="muted">包括账号信息、办件及填写内容、草稿、诉求和消息，内容完整不打码，请妥善保管。</View>
      {data ? (
        <View data-testid="export-summary">
          <View className="privacy-counts">
            <Text>办件 {data.applications.length} 件</Text>
            <Text>草稿 {data.drafts.length} 份</Text>
            <Text>诉求 {data.workOrders.length} 件</Text>
            <Text>消息 {data.messages.length} 条</Text>
          </View>
          {data.truncated.length > 0 && <View className="muted">记录较多，只导出了最近的部分；完整记录请到政务服务大厅申请。</View>}
          <Button className="btn btn-plain" onClick={copy}>
            复制全部数据
          </Button>
        </View>
      ) : (
        <Button className="btn btn-plain" loading={busy || undefined} disabled={busy || undefined} onClick={load}>
          导出我的数据
        </Button>
      )}
      <ErrorLine error={error} />
    </View>
  );
}

/** 注销账号: only when nothing is being handled, with the word typed and one more confirmation. */
function ClosePanel({ view }: { view: PrivacyView }) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const open = view.openApplications + view.openWorkOrders;
  const close = async () => {
    if (typed.trim() !== CLOSE_ACCOUNT_PHRASE) {
      setError(`请输入“${CLOSE_ACCOUNT_PHRASE}”两个字确认`);
      return;
    }
    if (!(await confirmStep('注销账号', '注销后姓名、证件号、手机号和授权将被删除，不能恢复；已办结的办件按档案规定保存。确定注销吗？', '确认注销'))) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.closeAccount();
      clearSession();
      await Taro.showToast({ title: '账号已注销', icon: 'success' });
      Taro.reLaunch({ url: '/pages/index/index' });
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="section">
      <View className="section-title">注销账号</View>
      <View className="muted">注销后立即删除您的姓名、证件号、手机号和代办授权，解除微信绑定；草稿和消息一并删除。</View>
      {open > 0 ? (
        <View className="privacy-blocked" data-testid="close-blocked">
          您还有 {view.openApplications > 0 ? `${view.openApplications} 件办件` : ''}
          {view.openApplications > 0 && view.openWorkOrders > 0 ? '、' : ''}
          {view.openWorkOrders > 0 ? `${view.openWorkOrders} 件诉求` : ''}正在办理，办结或撤回后才能注销。
        </View>
      ) : (
        <>
          <Field label={`输入“${CLOSE_ACCOUNT_PHRASE}”确认`} name="confirm" value={typed} onInput={setTyped} error={error} maxlength={4} />
          <Button className="btn privacy-close" loading={busy || undefined} disabled={busy || undefined} onClick={close}>
            注销账号
          </Button>
        </>
      )}
    </View>
  );
}

function PrivacyBody() {
  const view = useAsync(() => api.privacy(), []);
  return (
    <StateView loading={view.loading && !view.data} error={view.data ? undefined : view.error} onRetry={view.reload}>
      {view.data && (
        <>
          <Collected consents={view.data.consents} />
          <View className="section">
            <View className="section-title">保存期限</View>
            {RETENTION.map((r) => (
              <View key={r.what} className="privacy-item">
                <View className="privacy-what">{r.what}</View>
                <View className="privacy-why">{r.keep}</View>
              </View>
            ))}
          </View>
          <ExportPanel />
          <ClosePanel view={view.data} />
        </>
      )}
    </StateView>
  );
}

/** 我的个人信息 (PIPL): what is held and why, a copy of it, and closing the account. */
export default function Privacy() {
  return (
    <Page>
      <RoleGate roles={['resident', 'enterprise']} what="我的个人信息" loginText="请先登录">
        <PrivacyBody />
      </RoleGate>
    </Page>
  );
}
