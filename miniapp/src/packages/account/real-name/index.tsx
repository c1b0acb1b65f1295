import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Page } from '../../../components/Page';
import { useSession } from '../../../hooks/useSession';
import { FaceForm } from './FaceForm';
import { PhoneSection } from './PhoneSection';
import './index.css';

/** 实名认证: proven by face (L2) or, for the few items that allow it, only typed (L1); and the phone number. */
export default function RealName() {
  const session = useSession();
  const user = session?.user;
  if (!user) return <Page />;
  const proven = user.level === 2;
  return (
    <Page className="realname">
      <View className="section">
        <View className="section-title">
          实名认证{' '}
          <Text className={`tag realname-title-tag ${proven ? 'tag-green' : 'tag-orange'}`}>
            {proven ? '已人脸核验' : user.verified ? '仅填写，未核验' : '未实名'}
          </Text>
        </View>
        {proven ? (
          <View data-testid="proven">
            <View>姓名：{user.realName}</View>
            <View>身份证号码：{user.idNumber}</View>
            <View className="muted">已通过微信人脸核验（L2），可以网上办理全部事项。如需更改，请携带身份证到区政务服务中心办理。</View>
          </View>
        ) : (
          <View className="realname-steps">
            <View className="muted">
              网上办理大多数事项需要<Text className="realname-strong">人脸核验实名</Text>
              ：填写姓名和身份证号码，再由微信刷脸确认是本人。身份证号码仅用于核验身份和办事，加密保存、脱敏显示。
            </View>
            <View className="muted" data-testid="consent-note">
              提交即表示您同意按
              <Text className="realname-link" onClick={() => Taro.navigateTo({ url: '/packages/account/privacy/index' })}>
                《我的个人信息》
              </Text>
              所列用途使用姓名和身份证号码，我们会记录同意的时间。
            </View>
            {user.verified && <View className="muted">您已填写实名信息（{user.realName}，未核验），完成人脸核验后可办理全部事项。</View>}
            <View className="realname-flow">
              <Text>① 填写信息</Text>
              <Text>›</Text>
              <Text>② 微信刷脸</Text>
              <Text>›</Text>
              <Text>③ 核验通过</Text>
            </View>
          </View>
        )}
      </View>
      {!proven && <FaceForm typedOnly={!user.verified} />}
      <PhoneSection user={user} />
    </Page>
  );
}
