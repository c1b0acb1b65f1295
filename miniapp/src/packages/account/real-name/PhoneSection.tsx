import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { UserView } from '@yx/shared';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { updateUser } from '../../../api/session';
import { ErrorLine } from '../../../components/ErrorLine';
import { Field } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';
import { Button } from '../../../components/Button';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * 手机号: WeChat's phone-number button gives a one-time code that the server exchanges with WeChat, so the number is the
 * one WeChat holds, not one typed. Applications copy it as their contact phone (查询码 or the last 4 digits find them).
 * The H5 page has no such button: on the local stack the WeChat stand-in turns a typed number into a code.
 */
export function PhoneSection({ user }: { user: UserView }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit((e) => asApiError(e).message, setError);

  const bind = (code: string) =>
    send(async () => {
      setError(undefined);
      updateUser(await api.bindPhone(code));
      setTyped('');
      Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    });

  return (
    <View className="section" data-testid="phone-section">
      <View className="section-title">手机号码</View>
      <View className="muted">{user.phone ? `已绑定 ${user.phone}，办件进度和回访电话会用到它。` : '绑定后，办件进度查询和回访电话会用到它。'}</View>
      <View className="muted">绑定即表示您同意将手机号用于进度通知、回访和凭后 4 位查询进度，我们会记录同意的时间；可在“我的个人信息”中查看或注销。</View>
      {IS_WEAPP ? (
        <>
          <ErrorLine error={error} />
          <Button
            className="btn"
            openType="getPhoneNumber"
            disabled={busy || undefined}
            onGetPhoneNumber={(e) => {
              const code = (e.detail as { code?: string }).code;
              if (code) void bind(code);
              else setError('您未同意使用微信手机号，可稍后再绑定');
            }}
          >
            {user.phone ? '更换为微信手机号' : '微信手机号快捷绑定'}
          </Button>
        </>
      ) : (
        <>
          <Field
            name="phone"
            label="手机号码（本地演示：模拟微信手机号授权）"
            value={typed}
            onInput={setTyped}
            maxlength={11}
            type="number"
            placeholder="11 位手机号码"
          />
          <SendButton className="btn btn-plain" testId="phone-bind" error={error} busy={busy} onClick={() => bind(`phone-${typed.trim()}-${Date.now()}`)}>
            {user.phone ? '更换手机号' : '绑定手机号'}
          </SendButton>
        </>
      )}
    </View>
  );
}
