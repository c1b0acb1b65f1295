import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Receipt } from '@yx/shared';
import { Page } from '../../../components/Page';
import { receiptKey } from '../draftStore';
import { ReceiptDocument } from './ReceiptDocument';
import '../../../components/StateView.css';
import './index.css';
import { Button } from '../../../components/Button';

const dayLabel = (d: number) => (d === 0 ? '即办' : `${d} 个工作日`);

/** 申请回执: the number and query code to keep, the deadlines with their dates, what happens next. */
export default function ReceiptPage() {
  const { params } = useRouter();
  const appNo = params.appNo ?? '';
  const r = (appNo ? Taro.getStorageSync(receiptKey(appNo)) : '') as Receipt | '';
  if (!r) {
    return (
      <Page>
        <View className="state state-empty">
          <View>回执已保存在“我的办件”中</View>
          <Button className="btn receipt-btn" onClick={() => Taro.redirectTo({ url: `/packages/progress/detail/index?appNo=${appNo}` })}>
            查看办件
          </Button>
        </View>
      </Page>
    );
  }
  const copy = (text: string) => Taro.setClipboardData({ data: text });
  return (
    <Page className="receipt">
      <View className="receipt-head">
        <View className="receipt-ok">✓</View>
        <View className="receipt-title">申请已提交</View>
        <View className="receipt-sub">
          {r.itemName} · {r.departmentName}
        </View>
      </View>
      <View className="section receipt-card">
        <View className="receipt-row">
          <Text className="muted">办件编号</Text>
          <Text className="receipt-no" onClick={() => copy(r.appNo)} aria-label="办件编号">
            {r.appNo}
          </Text>
        </View>
        {r.queryCode && (
          <View className="receipt-row">
            <Text className="muted">查询码</Text>
            <Text className="receipt-code" onClick={() => copy(r.queryCode!)} aria-label="查询码">
              {r.queryCode}
            </Text>
          </View>
        )}
        <View className="muted receipt-tip">凭办件编号和查询码（或手机号后 4 位）可免登录查询进度，请截图保存。</View>
      </View>
      <ReceiptDocument appNo={r.appNo} />
      <View className="section">
        <View className="section-title">办理时限</View>
        <View className="receipt-deadlines">
          <View className="receipt-deadline">
            <View className="receipt-days">{dayLabel(r.promisedDays)}</View>
            <View className="muted">承诺时限</View>
            <View>预计 {r.promisedDeadline} 前</View>
          </View>
          <View className="receipt-deadline">
            <View className="receipt-days grey">{dayLabel(r.statutoryDays)}</View>
            <View className="muted">法定时限</View>
            <View>受理之日起计算</View>
          </View>
        </View>
        <View className="muted">工作日不含周末和法定节假日，调休上班日照常计算。</View>
        {r.deadlineNote && (
          <View className="muted" data-testid="deadline-note">
            {r.deadlineNote}
          </View>
        )}
      </View>
      {r.linked.length > 1 && (
        <View className="section">
          <View className="section-title">一件事联办的办件</View>
          {r.linked.map((l) => (
            <View key={l.appNo} className="receipt-row">
              <Text>{l.itemName}</Text>
              <Text className="muted">{l.appNo}</Text>
            </View>
          ))}
        </View>
      )}
      {r.deferred.length > 0 && (
        <View className="section">
          <View className="section-title">容缺材料（待补交）</View>
          {r.deferred.map((d) => (
            <View key={d.name} className="receipt-row">
              <Text>{d.name}</Text>
              <Text className="tag tag-orange">{d.dueDate} 前补交</Text>
            </View>
          ))}
        </View>
      )}
      <View className="section">
        <View className="section-title">接下来</View>
        {r.nextSteps.map((s, i) => (
          <View key={i} className="receipt-step">
            {i + 1}. {s}
          </View>
        ))}
      </View>
      <View className="receipt-actions">
        <Button className="btn" onClick={() => Taro.redirectTo({ url: `/packages/progress/detail/index?appNo=${r.appNo}` })}>
          查看办理进度
        </Button>
        <Button className="btn btn-plain" onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
