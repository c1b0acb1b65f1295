import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TimelineEntry } from '@yx/shared';
import { CREDIT_PAGES, type CreditProfile } from '../../../api/credit';
import { formatDateTime, Timeline } from '../../../components/Timeline';
import { GradeBadge } from '../parts/GradeBadge';

type Own = NonNullable<CreditProfile['own']>;

/** The firm, its grade big in its colour, the score and the rules it was computed by. */
export function GradeCard({ p }: { p: CreditProfile }) {
  return (
    <View className="section fc-grade" data-testid="grade-card">
      <View className="fc-firm">{p.firm.name}</View>
      <View className="muted">统一社会信用代码 {p.firm.creditCode}</View>
      <View className="fc-grade-row">
        <GradeBadge grade={p.grade.grade} big />
        {p.own && (
          <View className="fc-score" data-testid="score">
            {p.own.score} 分
          </View>
        )}
      </View>
      <View className="muted">评级规则：{p.grade.rulesName}</View>
      {p.grade.computedAt && <View className="muted">评定时间：{formatDateTime(p.grade.computedAt)}</View>}
      {p.own && p.own.openReviews > 0 && <View className="fc-open">有 {p.own.openReviews} 项信用修复或异议申请正在核查</View>}
      <View className="tap fc-link" role="link" onClick={() => Taro.navigateTo({ url: CREDIT_PAGES.rules })}>
        查看评级规则 ›
      </View>
    </View>
  );
}

const pointsText = (n: number) => (n > 0 ? `+${n} 分` : n < 0 ? `${n} 分` : '不计分');
const pointsTone = (n: number) => (n > 0 ? 'fc-plus' : n < 0 ? 'fc-minus' : 'fc-zero');

/** 扣分原因: every point lost or gained, and what the firm can do about it. */
export function Reasons({ own }: { own: Own }) {
  return (
    <View className="section" data-testid="reasons">
      <View className="section-title">扣分原因</View>
      {!own.reasons.length && <View className="muted">没有扣分项，请继续保持诚信经营。</View>}
      {own.reasons.map((r, i) => (
        <View key={`${r.recordId ?? 'r'}-${i}`} className="fc-reason" data-testid="reason">
          <Text className={`fc-points ${pointsTone(r.points)}`}>{pointsText(r.points)}</Text>
          <View className="fc-reason-body">
            <View>{r.text}</View>
            {r.advice && <View className="muted">{r.advice}</View>}
          </View>
        </View>
      ))}
    </View>
  );
}

/** 等级变化, newest first. */
export function History({ own }: { own: Own }) {
  const entries: TimelineEntry[] = own.history.map((h) => ({
    at: h.at,
    actor: '信用评级',
    action: h.from ? `${h.from} 级 → ${h.to} 级（${h.score} 分）` : `首次评定为 ${h.to} 级（${h.score} 分）`,
    note: h.reason,
  }));
  return (
    <View className="section" data-testid="history">
      <View className="section-title">等级变化</View>
      <Timeline entries={entries} label="等级变化" empty="暂无等级变化" testId="grade-change" />
    </View>
  );
}
