import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FIRM_ROLE_NAMES, ROLE_NAMES, type Role } from '@yx/shared';
import { clearSession } from '../../api/session';
import { Page } from '../../components/Page';
import { useElderMode } from '../../hooks/useElderMode';
import { useSession } from '../../hooks/useSession';
import './index.css';
import { Button } from '../../components/Button';

/** Who has a 会员专区 (as the member API allows); partner cashiers only redeem codes. */
const MEMBER_ROLES: Role[] = ['resident', 'enterprise', 'staff', 'grid', 'dispatcher'];

export default function Me() {
  const session = useSession();
  const [elder, setElder] = useElderMode();
  const user = session?.user;

  const logout = async () => {
    const r = await Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出', cancelText: '取消' });
    if (r.confirm) clearSession();
  };

  return (
    <Page className="me">
      <View className="me-head">
        {user ? (
          <View>
            <View className="me-name">{user.nickname}</View>
            <View className="me-role">
              <Text className="tag me-tag">{ROLE_NAMES[user.role]}</Text>
              <Text className="tag me-tag">{user.level === 2 ? '已实名 · 人脸核验' : user.verified ? '已实名 · 未核验' : '未实名'}</Text>
            </View>
          </View>
        ) : (
          <View>
            <View className="me-name">您还没有登录</View>
            <Button className="btn btn-plain me-login" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>
              登录 / 注册
            </Button>
          </View>
        )}
      </View>

      {user && MEMBER_ROLES.includes(user.role) && (
        <View className="section me-member">
          <View className="section-title">会员专区</View>
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/member/home/index' })} role="button">
            <Text>我的会员卡</Text>
            <Text className="muted">签到领积分、会员日福利 ›</Text>
          </View>
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/member/claims/index' })} role="button">
            <Text>我的兑换码</Text>
            <Text className="muted">会员日领取的福利 ›</Text>
          </View>
        </View>
      )}

      {user?.role === 'enterprise' && (
        <View className="section me-policy" data-testid="me-policy">
          <View className="section-title">惠企政策</View>
          <View
            className="me-row"
            onClick={() => Taro.navigateTo({ url: '/packages/policy/index' })}
            role="button"
            aria-label="政策超市，看看本企业能享受哪些政策"
          >
            <Text>政策超市</Text>
            <Text className="muted">看看本企业能享受哪些政策 ›</Text>
          </View>
          <View
            className="me-row"
            onClick={() => Taro.navigateTo({ url: '/packages/policy/offers/index' })}
            role="button"
            aria-label="免申即享，区里比对，确认即可领取"
          >
            <Text>免申即享</Text>
            <Text className="muted">区里比对，确认即可领取 ›</Text>
          </View>
          <View
            className="me-row"
            onClick={() => Taro.navigateTo({ url: '/packages/policy/profile/index' })}
            role="button"
            aria-label="企业画像，企业信息及来源，缺的可补充"
          >
            <Text>企业画像</Text>
            <Text className="muted">企业信息及来源，缺的可补充 ›</Text>
          </View>
          <View
            className="me-row"
            onClick={() => Taro.navigateTo({ url: '/packages/credit/mine/index' })}
            role="button"
            aria-label="我的企业信用，等级、扣分原因、信用修复、信用码"
            data-testid="me-credit"
          >
            <Text>我的企业信用</Text>
            <Text className="muted">等级、扣分原因、信用修复、信用码 ›</Text>
          </View>
        </View>
      )}

      {user?.role === 'partner' && (
        <View className="section me-partner">
          <View className="section-title">商户工作</View>
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/member/redeem/index' })} role="button">
            <Text>兑换码核销</Text>
            <Text className="muted">查询、核销会员福利兑换码 ›</Text>
          </View>
        </View>
      )}

      {user && ['staff', 'grid'].includes(user.role) && (
        <View className="section me-orders">
          <View className="section-title">诉求与社区事务</View>
          {user.role === 'grid' && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/appeal/file/index' })} role="button">
              <Text>一键呼叫</Text>
              <Text className="muted">现场拍照上报 ›</Text>
            </View>
          )}
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/appeal/team/index' })} role="button">
            <Text>待办工单</Text>
            <Text className="muted">签收、处理、回复 ›</Text>
          </View>
          {user.role === 'grid' && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/community/index' })} role="button" data-testid="me-community-desk">
              <Text>社区议事</Text>
              <Text className="muted">审议议题、确认居民、审核评论 ›</Text>
            </View>
          )}
        </View>
      )}

      {user && ['staff', 'dispatcher', 'admin'].includes(user.role) && (
        <View className="section me-office">
          <View className="section-title">工作</View>
          {user.role === 'staff' && (
            <>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/queue/index' })} role="button">
                <Text>工作台</Text>
                <Text className="muted">本部门待办、受理、审批 ›</Text>
              </View>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/opinions/index' })} role="button">
                <Text>并联审批意见</Text>
                <Text className="muted">其他部门征询的意见 ›</Text>
              </View>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/rectifications/index' })} role="button">
                <Text>差评整改</Text>
                <Text className="muted">回访、整改 ›</Text>
              </View>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/supervision/index' })} role="button">
                <Text>督办</Text>
                <Text className="muted">收到的督办、按期回复 ›</Text>
              </View>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/hall/index' })} role="button" data-testid="me-hall">
                <Text>窗口叫号</Text>
                <Text className="muted">大厅窗口签到、叫号、办结 ›</Text>
              </View>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/publish/index' })} role="button" data-testid="me-publish">
                <Text>政务公开发布</Text>
                <Text className="muted">通知公告、政策文件、划片招生等 ›</Text>
              </View>
            </>
          )}
          {user.role !== 'staff' && (
            <>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/appeal/street/index' })} role="button">
                <Text>街道调度</Text>
                <Text className="muted">诉求工单派单、延期、督办 ›</Text>
              </View>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/supervision/index' })} role="button">
                <Text>督办</Text>
                <Text className="muted">全区超时办件 ›</Text>
              </View>
            </>
          )}
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/dashboard/index' })} role="button">
            <Text>数据看板</Text>
            <Text className="muted">按时办结率、满意率、趋势 ›</Text>
          </View>
          {user.role === 'admin' && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/rectification-overview/index' })} role="button">
              <Text>差评整改总览</Text>
              <Text className="muted">各部门待整改、已逾期 ›</Text>
            </View>
          )}
          {user.role === 'admin' && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/accounts/index' })} role="button">
              <Text>工作人员</Text>
              <Text className="muted">邀请、调岗、停用账号 ›</Text>
            </View>
          )}
          {user.role === 'admin' && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/org/index' })} role="button">
              <Text>组织架构</Text>
              <Text className="muted">部门、街道网格 ›</Text>
            </View>
          )}
          {user.role === 'admin' && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/member-admin/index' })} role="button">
              <Text>会员管理</Text>
              <Text className="muted">签到与等级规则、会员日福利、数据 ›</Text>
            </View>
          )}
          {user.role === 'admin' && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/calendar/index' })} role="button">
              <Text>工作日历</Text>
              <Text className="muted">节假日导入、核对、发布 ›</Text>
            </View>
          )}
          {user.role === 'admin' && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/hall-admin/index' })} role="button" data-testid="me-hall-admin">
              <Text>办事地点与叫号</Text>
              <Text className="muted">开放时间、窗口、预约容量、数据 ›</Text>
            </View>
          )}
          {user.role === 'admin' && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/catalogue/index' })} role="button" data-testid="me-catalogue">
              <Text>事项目录</Text>
              <Text className="muted">办事事项、材料、表单字段、版本 ›</Text>
            </View>
          )}
          {user.role === 'admin' && (
            <View
              className="me-row"
              onClick={() => Taro.navigateTo({ url: '/packages/staff/credit/index?tab=held' })}
              role="button"
              data-testid="me-credit-held"
            >
              <Text>商户评价审核</Text>
              <Text className="muted">含敏感词或疑似刷评的评价 ›</Text>
            </View>
          )}
          {(user.role === 'staff' || user.role === 'admin') && (
            <View
              className="me-row"
              onClick={() => Taro.navigateTo({ url: '/packages/staff/disclosure-annual/index' })}
              role="button"
              data-testid="me-disclosure-annual"
            >
              <Text>政府信息公开年报</Text>
              <Text className="muted">依申请公开的收到、答复、按期率 ›</Text>
            </View>
          )}
          {(user.role === 'staff' || user.role === 'admin') && (
            <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/staff/policies/index' })} role="button" data-testid="me-policies">
              <Text>政策发布</Text>
              <Text className="muted">惠企政策、免申即享兑现批次 ›</Text>
            </View>
          )}
        </View>
      )}

      <View className="section">
        <View className="section-title">我的办事</View>
        {user?.role !== 'partner' && (
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/progress/mine/index' })} role="button">
            <Text>我的办件</Text>
            <Text className="muted">进度、补正、评价 ›</Text>
          </View>
        )}
        <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/progress/lookup/index' })} role="button">
          <Text>进度查询</Text>
          <Text className="muted">凭办件编号和查询码 ›</Text>
        </View>
        <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/verify/index' })} role="button">
          <Text>证明核验</Text>
          <Text className="muted">核验电子证明真伪 ›</Text>
        </View>
        {user?.role === 'resident' && (
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/community/index' })} role="button" data-testid="me-community">
            <Text>居民议事</Text>
            <Text className="muted">我的社区、议题、投票 ›</Text>
          </View>
        )}
        {(user?.role === 'resident' || user?.role === 'enterprise') && (
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/appointment/mine/index' })} role="button" data-testid="me-appointments">
            <Text>我的预约</Text>
            <Text className="muted">预约、排队号、改约 ›</Text>
          </View>
        )}
        {(user?.role === 'resident' || user?.role === 'enterprise') && (
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/wallet/index' })} role="button" data-testid="me-wallet">
            <Text>证照夹</Text>
            <Text className="muted">电子证明、电子证照 ›</Text>
          </View>
        )}
        {(user?.role === 'resident' || user?.role === 'enterprise') && (
          <View
            className="me-row"
            onClick={() => Taro.navigateTo({ url: '/packages/openness/subscriptions/index' })}
            role="button"
            data-testid="me-publication-subs"
          >
            <Text>政务公开订阅</Text>
            <Text className="muted">订阅的栏目有新发布时通知我 ›</Text>
          </View>
        )}
      </View>

      {user && (
        <View className="section">
          <View className="section-title">身份信息</View>
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/account/real-name/index' })}>
            <Text>实名认证</Text>
            <Text className="muted">
              {user.level === 2
                ? `${user.realName ?? ''} ${user.idNumber ?? ''}`
                : user.verified
                  ? `${user.realName ?? ''} 未核验，去人脸核验 ›`
                  : '未认证，去认证 ›'}
            </Text>
          </View>
          <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/account/real-name/index' })}>
            <Text>手机号码</Text>
            <Text className="muted">{user.phone ?? '未绑定，去绑定 ›'}</Text>
          </View>
          {(user.role === 'resident' || user.role === 'enterprise') && (
            <>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/account/enterprise/index' })}>
                <Text>企业绑定</Text>
                <Text className="muted">
                  {user.enterprise ? `${user.enterprise.name}（${FIRM_ROLE_NAMES[user.firmRole ?? 'legal']}）` : '法定代表人绑定 ›'}
                </Text>
              </View>
              {user.firmRole === 'legal' && (
                <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/account/agents/index' })}>
                  <Text>企业经办人</Text>
                  <Text className="muted">授权、撤销经办人 ›</Text>
                </View>
              )}
              {user.role === 'resident' && (
                <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/account/invitation/index' })}>
                  <Text>工作人员邀请码</Text>
                  <Text className="muted">管理员邀请您任职时使用 ›</Text>
                </View>
              )}
              {user.role === 'resident' && (
                <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/account/kin/index' })}>
                  <Text>亲友代办</Text>
                  <Text className="muted">请子女代办、为长辈办事 ›</Text>
                </View>
              )}
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/account/offers/index' })}>
                <Text>企业授权</Text>
                <Text className="muted">我收到的经办人授权 ›</Text>
              </View>
              <View className="me-row" onClick={() => Taro.navigateTo({ url: '/packages/account/privacy/index' })}>
                <Text>我的个人信息</Text>
                <Text className="muted">用途、导出、注销 ›</Text>
              </View>
            </>
          )}
          {user.departmentName && (
            <View className="me-row">
              <Text>所在部门</Text>
              <Text className="muted">{user.departmentName}</Text>
            </View>
          )}
          {user.area && (
            <View className="me-row">
              <Text>负责区域</Text>
              <Text className="muted">{user.area}</Text>
            </View>
          )}
        </View>
      )}

      <View className="section">
        <View className="section-title">设置</View>
        <View className="me-row">
          <View>
            <View>长辈版（大字体）</View>
            <View className="muted">字更大、按钮更大，看得清、点得准</View>
          </View>
          <Switch checked={elder} color="#c8161d" onChange={(e) => setElder(e.detail.value)} aria-label="长辈版" nativeProps={{ 'aria-label': '长辈版' }} />
        </View>
      </View>

      {user && (
        <View className="me-logout">
          <Button className="btn btn-plain" onClick={logout}>
            退出登录
          </Button>
        </View>
      )}
    </Page>
  );
}
