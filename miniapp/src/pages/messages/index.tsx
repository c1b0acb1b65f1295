import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Page } from '../../components/Page';
import { useSession } from '../../hooks/useSession';

/** 消息:办件进度 and notices arrive here once applications exist (next capability). */
export default function Messages() {
  const session = useSession();
  return (
    <Page>
      {session ? (
        <View className="state state-empty">
          <View>暂无消息</View>
          <View className="muted">您的办件每一步进展都会在这里通知您</View>
        </View>
      ) : (
        <View className="state state-empty">
          <View>登录后可查看办件进度消息</View>
          <Button className="btn msg-login" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>去登录</Button>
        </View>
      )}
    </Page>
  );
}
