import { Text, View } from '@tarojs/components';
import { RATING_NAMES } from '@yx/shared';
import { staffApi, type RectificationOverview } from '../../../api/staff';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { formatDay } from '../../../components/Timeline';
import { useAsync } from '../../../hooks/useAsync';
import './index.css';

/** A count's share of the largest, as a CSS width (0% for nothing). */
export const barWidth = (value: number, max: number) => (max > 0 && value > 0 ? `${Math.round((Math.min(value, max) / max) * 1000) / 10}%` : '0%');

/** 差评整改总览 (admin): every department's open and overdue rectifications, as bars, and the list, overdue first. */
export default function RectificationOverviewPage() {
  return (
    <Page className="ro">
      <RoleGate roles={['admin']} what="差评整改总览">
        <OverviewBody />
      </RoleGate>
    </Page>
  );
}

function OverviewBody() {
  const { data, error, loading, reload } = useAsync(() => staffApi.rectificationOverview(), []);
  return (
    <StateView loading={loading && !data} error={data ? undefined : error} onRetry={reload} empty={data?.total.open === 0} emptyText="各部门暂无待整改的差评">
      {data && <Overview d={data} />}
    </StateView>
  );
}

function Overview({ d }: { d: RectificationOverview }) {
  const max = Math.max(0, ...d.departments.map((x) => x.open));
  return (
    <View>
      <View className="ro-kpis">
        <View className="ro-kpi" data-testid="ro-open">
          <View className="ro-kpi-value">{d.total.open}</View>
          <View className="muted">待整改</View>
        </View>
        <View className={`ro-kpi ${d.total.overdue ? 'bad' : ''}`} data-testid="ro-overdue">
          <View className="ro-kpi-value">{d.total.overdue}</View>
          <View className="muted">已逾期</View>
        </View>
      </View>

      <View className="section">
        <View className="section-title">各部门待整改 / 已逾期</View>
        <View className="ro-legend muted">
          <Text className="ro-dot open" />
          待整改
          <Text className="ro-dot overdue" />
          其中已逾期
        </View>
        <View role="list" aria-label="各部门差评整改">
          {d.departments.map((x) => (
            <View
              key={x.departmentId}
              className="ro-row"
              role="listitem"
              aria-label={`${x.departmentName} 待整改 ${x.open} 件，已逾期 ${x.overdue} 件`}
              data-testid="ro-dept"
            >
              <View className="ro-row-head">
                <Text className="ro-dept">{x.departmentName}</Text>
                <Text className="ro-count">
                  {x.open} 件{x.overdue ? <Text className="ro-late"> · 逾期 {x.overdue}</Text> : null}
                </Text>
              </View>
              <View className="ro-track">
                <View className="ro-bar open" style={{ width: barWidth(x.open, max) }} />
                <View className="ro-bar overdue" style={{ width: barWidth(x.overdue, max) }} />
              </View>
            </View>
          ))}
        </View>
      </View>

      <View className="section">
        <View className="section-title">待整改清单（逾期在前）</View>
        {d.items.map((r) => (
          <View key={r.appNo} className="ro-item" data-testid="ro-item">
            <View className="card-head">
              <View className="card-name">{r.itemName}</View>
              {r.overdue ? <Text className="tag tag-red">已逾期</Text> : <Text className="tag tag-orange">整改中</Text>}
            </View>
            <View className="muted">
              {r.departmentName} · {r.ratingName ?? RATING_NAMES[r.rating]} · 期限 {formatDay(r.due)}
            </View>
            {r.escalatedAt && <Text className="tag tag-red ro-esc">已通知部门并报区级督办</Text>}
          </View>
        ))}
      </View>
    </View>
  );
}
