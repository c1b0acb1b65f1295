import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROLE_NAMES, type DevUser, type SessionResponse } from '@yx/shared';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { saveSession } from '../../api/session';
import { Page } from '../../components/Page';
import { StateView } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';
import { ErrorLine } from '../../components/ErrorLine';
import './index.css';
import { Button } from '../../components/Button';

const IS_LOCAL = APP_STAGE === 'local';
const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * Signed in: back to the page that asked for it (a gate's 去登录 opened this page on top of it), which shows itself
 * now that there is a session, with what the person was doing (issue 14: it always landed on 我的); opened on its own
 * (a link, the address bar), to 我的.
 */
function done(s: SessionResponse) {
  saveSession(s);
  Taro.showToast({ title: '登录成功', icon: 'success' });
  if ((Taro.getCurrentPages?.() ?? []).length > 1) Taro.navigateBack();
  else Taro.switchTab({ url: '/pages/me/index' });
}

export default function Login() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const wechat = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { code } = await Taro.login();
      done(await api.wechatLogin(code));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '微信登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="login">
      <View className="login-head">
        <View className="login-title">登录越秀掌上办</View>
        <View className="muted">登录后可网上申办、查询进度；浏览办事指南无需登录</View>
      </View>
      {IS_WEAPP && (
        <View className="section">
          <Button className="btn" loading={busy || undefined} disabled={busy || undefined} onClick={wechat}>
            微信一键登录
          </Button>
          <ErrorLine error={error} />
        </View>
      )}
      {IS_LOCAL && <DevLogin />}
      {!IS_WEAPP && !IS_LOCAL && <View className="section muted">请在微信中打开“越秀掌上办”小程序登录。</View>}
    </Page>
  );
}

/** 开发登录: only in builds for the local stage; lets a person try every role. */
function DevLogin() {
  const users = useAsync(() => api.devUsers(), []);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const pick = async (u: DevUser) => {
    setBusy(u.id);
    setError(undefined);
    try {
      done(await api.devLogin(u.id));
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <View className="section">
      <View className="section-title">开发登录（仅本地环境）</View>
      <View className="muted login-tip">选择一个演示身份登录：</View>
      <ErrorLine error={error} />
      <StateView loading={users.loading} error={users.error} onRetry={users.reload}>
        {users.data?.items.map((u) => (
          <View key={u.id} className="login-user" onClick={() => !busy && pick(u)} role="button" data-testid={`dev-user-${u.id}`}>
            <View>
              <View className="login-user-name">{u.nickname}</View>
              <View className="muted">{u.description}</View>
            </View>
            <View className="tag tag-red">{busy === u.id ? '登录中…' : ROLE_NAMES[u.role]}</View>
          </View>
        ))}
      </StateView>
    </View>
  );
}
