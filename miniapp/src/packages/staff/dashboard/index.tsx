import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { OPEN_STATES, type ApplicationState } from '@yx/shared';
import { useState } from 'react';
import { api, type RouteQuery } from '../../../api/client';
import { staffApi, type Dashboard, type DashboardScope, type WorkOrderStats } from '../../../api/staff';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { useSession } from '../../../hooks/useSession';
import { Chips } from '../../../components/Chips';
import { RoleGate } from '../../../components/RoleGate';
import { weekLabel, weekName } from './weeks';
import { formatDay } from '../../../components/Timeline';
import { STAFF_PAGES } from '../pages';
import './index.css';

/** A 0..1 rate as "92.5%", or 暂无 when there is nothing to rate yet. */
export function rateText(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return '暂无';
  return `${Math.round(r * 1000) / 10}%`;
}

/** Short names for the bar chart, in the order an application moves. */
export const STATE_BARS: { state: ApplicationState; name: string }[] = [
  { state: 'submitted', name: '待受理' },
  { state: 'accepted', name: '已受理' },
  { state: 'in_review', name: '审查中' },
  { state: 'supplement', name: '待补正' },
  { state: 'approved', name: '准予' },
  { state: 'delivered', name: '已送达' },
  { state: 'denied', name: '不许可' },
  { state: 'not_accepted', name: '不受理' },
];

/** A value's share of the largest one, as a CSS percentage (0% when everything is zero). */
export function barPercent(value: number, max: number): string {
  if (!(max > 0) || !(value > 0)) return '0%';
  return `${Math.round((Math.min(value, max) / max) * 1000) / 10}%`;
}

const count = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
/** "2026-W48" → "W48". */

/** 数据看板: time-limit and satisfaction figures for my department, or the district for dispatchers. */
export default function DashboardPage() {
  return (
    <Page className="db">
      <RoleGate roles={['staff', 'dispatcher', 'admin']} what="数据看板">
        <DashboardBody />
      </RoleGate>
    </Page>
  );
}

/** 统计范围: the scopes the dashboard route takes. */
type Mode = NonNullable<RouteQuery<'GET /v1/dashboard'>['scope']>;

function DashboardBody() {
  const user = useSession()?.user;
  const wide = user?.role === 'dispatcher' || user?.role === 'admin';
  if (!wide && !user?.departmentId) {
    return (
      <View className="state state-empty" role="alert">
        您的账号未分配部门，暂无本部门数据，请联系管理员
      </View>
    );
  }
  return <ScopedBoard wide={wide} ownDept={user?.departmentId} dispatcher={user?.role === 'dispatcher'} />;
}

/** Staff see their own department; dispatchers and admins start with the district and may pick a department. */
function ScopedBoard({ wide, ownDept, dispatcher }: { wide: boolean; ownDept?: string; dispatcher?: boolean }) {
  // a street's dispatcher starts with the street (街道绩效)
  const [mode, setMode] = useState<Mode>(dispatcher ? 'street' : wide ? 'district' : 'dept');
  const [deptId, setDeptId] = useState<string | undefined>(wide ? undefined : ownDept);
  const departments = useAsync(() => (wide ? api.departments() : Promise.resolve({ items: [] })), [wide]);

  const scope: DashboardScope | undefined =
    mode === 'district' ? { scope: 'district' } : mode === 'street' ? { scope: 'street' } : deptId ? { scope: 'dept', id: deptId } : undefined;
  const data = useAsync(() => (scope ? staffApi.dashboard(scope) : Promise.resolve(undefined)), [mode, deptId]);

  return (
    <View>
      {wide && (
        <View className="section db-scope">
          <Chips<Mode>
            label="统计范围"
            value={mode}
            onChange={setMode}
            options={[
              ...(dispatcher ? [{ value: 'street' as Mode, label: '本街道' }] : []),
              { value: 'district', label: '全区' },
              { value: 'dept', label: '按部门' },
            ]}
          />
          {mode === 'dept' && (
            <StateView
              loading={departments.loading}
              error={departments.error}
              onRetry={departments.reload}
              empty={!departments.data?.items.length}
              emptyText="暂无部门"
            >
              <Chips
                label="选择部门"
                className="db-depts"
                value={deptId}
                onChange={setDeptId}
                options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.shortName }))}
              />
            </StateView>
          )}
        </View>
      )}
      {!scope ? (
        <View className="state state-empty">请选择一个部门</View>
      ) : (
        <StateView loading={data.loading && !data.data} error={data.error} onRetry={data.reload}>
          {data.data && <Board d={data.data} own={!wide} />}
        </StateView>
      )}
    </View>
  );
}

export function Board({ d, own }: { d: Dashboard; own?: boolean }) {
  // 在办: the server's count of applications whose clock runs, or the same sum from the states
  const open = typeof d.open === 'number' ? count(d.open) : OPEN_STATES.reduce((n, s) => n + count(d.byState?.[s]), 0);
  const avg = typeof d.avgUsedDays === 'number' && Number.isFinite(d.avgUsedDays) ? String(Math.round(d.avgUsedDays * 10) / 10) : null;
  return (
    <View>
      <View className="db-title">
        <Text className="db-name">{d.name}</Text>
        <Text className="tag tag-blue">{d.scope === 'district' ? '全区' : d.scope === 'street' ? '街道' : own ? '本部门' : '部门'}</Text>
      </View>

      <View className="db-kpis">
        <Kpi name="按时办结率" value={rateText(d.onTimeRate)} testId="kpi-ontime" />
        <Kpi name="平均用时" value={avg ?? '暂无'} unit={avg ? '个工作日' : undefined} testId="kpi-avg" />
        <Kpi name="满意率" value={rateText(d.satisfactionRate)} testId="kpi-satisfaction" />
        <Kpi name="在办" value={String(open)} unit="件" testId="kpi-open" />
        {typeof d.rectificationsOpen === 'number' && <Kpi name="待整改差评" value={String(Math.max(0, d.rectificationsOpen))} unit="件" testId="kpi-rect" />}
      </View>
      <View className="muted db-done">累计办结 {count(d.done)} 件</View>

      <StateChart byState={d.byState ?? {}} />
      <WeekChart weeks={d.weeks ?? []} />
      <Satisfaction ratings={count(d.ratings)} rate={d.satisfactionRate} />
      {d.workOrders && <WorkOrders wo={d.workOrders} weeks={d.weeks ?? []} />}
      {d.escalatedSupervisions && <EscalatedSupervisions e={d.escalatedSupervisions} />}
    </View>
  );
}

/** The district's view: 督办 the departments did not answer in time, escalated by the daily job (count and list). */
function EscalatedSupervisions({ e }: { e: NonNullable<Dashboard['escalatedSupervisions']> }) {
  return (
    <View className="section" data-testid="db-escalated">
      <View className="section-title">
        督办升级（逾期未回复）<Text className={`tag ${e.count ? 'tag-red' : 'tag-green'}`}>{e.count} 件</Text>
      </View>
      {e.count === 0 && <View className="muted">各部门均已按期回复督办。</View>}
      {e.items.slice(0, 10).map((t) => (
        <View key={t.appNo} className="db-esc-row">
          <View className="card-name">{t.itemName}</View>
          <View className="muted">
            {t.departmentName} · 应于 {formatDay(t.replyBy)} 前回复{t.auto ? ' · 自动督办' : ''}
          </View>
        </View>
      ))}
      {e.count > 0 && (
        <View className="tap db-esc-more" role="button" onClick={() => Taro.navigateTo({ url: STAFF_PAGES.supervision })}>
          查看督办清单 ›
        </View>
      )}
    </View>
  );
}

/** 诉求工单: the counts, the two rates and the weekly filed/closed bars. */
function WorkOrders({ wo, weeks }: { wo: WorkOrderStats; weeks: Dashboard['weeks'] }) {
  const max = Math.max(0, ...weeks.flatMap((w) => [count(w.woFiled), count(w.woClosed)]));
  const extra = [count(wo.reopened) > 0 && `重新办理 ${count(wo.reopened)} 件`, count(wo.duplicates) > 0 && `重复件 ${count(wo.duplicates)} 件`].filter(
    Boolean,
  );
  return (
    <View data-testid="wo-section">
      <View className="db-title db-wo-title">
        <Text className="db-name">诉求工单</Text>
        <Text className="tag tag-orange">接诉即办</Text>
      </View>
      <View className="db-kpis">
        <Kpi name="受理" value={String(count(wo.filed))} unit="件" testId="wo-kpi-filed" />
        <Kpi name="在办" value={String(count(wo.open))} unit="件" testId="wo-kpi-open" />
        <Kpi name="办结" value={String(count(wo.closed))} unit="件" testId="wo-kpi-closed" />
        <Kpi name="按期答复率" value={rateText(wo.onTimeRate)} testId="wo-kpi-ontime" />
        <Kpi name="满意率" value={rateText(wo.satisfactionRate)} testId="wo-kpi-satisfaction" />
      </View>
      {extra.length > 0 && <View className="muted db-done">其中{extra.join('，')}</View>}
      <View className="section">
        <View className="section-title">近 {weeks.length || 8} 周诉求受理与办结</View>
        <View className="db-legend">
          <View className="db-key">
            <View className="db-swatch wo-filed" />
            受理
          </View>
          <View className="db-key">
            <View className="db-swatch wo-closed" />
            办结
          </View>
        </View>
        {!weeks.length ? (
          <View className="muted">暂无数据</View>
        ) : (
          <View className="db-chart" role="list" aria-label="每周诉求受理与办结">
            {weeks.map((w) => (
              <View
                key={w.week}
                className="db-col"
                role="listitem"
                aria-label={`${weekName(w.week)}：受理 ${count(w.woFiled)} 件，办结 ${count(w.woClosed)} 件`}
                data-testid="wo-week"
              >
                <View className="db-col-value db-col-pair">
                  <Text className="db-n wo-filed">{count(w.woFiled)}</Text>
                  <Text className="db-n wo-closed">{count(w.woClosed)}</Text>
                </View>
                <View className="db-track">
                  <View
                    className={`db-bar db-bar-received db-bar-wo-filed ${count(w.woFiled) ? 'nz' : ''}`}
                    style={{ height: barPercent(count(w.woFiled), max) }}
                    data-testid={`wo-filed-${w.week}`}
                  />
                  <View
                    className={`db-bar db-bar-done db-bar-wo-closed ${count(w.woClosed) ? 'nz' : ''}`}
                    style={{ height: barPercent(count(w.woClosed), max) }}
                    data-testid={`wo-closed-${w.week}`}
                  />
                </View>
                <View className="db-col-label">{weekLabel(w.week)}</View>
              </View>
            ))}
          </View>
        )}
      </View>
    </View>
  );
}

function Kpi({ name, value, unit, testId }: { name: string; value: string; unit?: string; testId: string }) {
  return (
    <View className="db-kpi" data-testid={testId}>
      <View className={`db-kpi-value ${value === '暂无' ? 'none' : ''}`}>
        {value}
        {unit && <Text className="db-kpi-unit">{unit}</Text>}
      </View>
      <View className="muted">{name}</View>
    </View>
  );
}

function StateChart({ byState }: { byState: Dashboard['byState'] }) {
  const max = Math.max(0, ...STATE_BARS.map((b) => count(byState[b.state])));
  return (
    <View className="section">
      <View className="section-title">各状态办件数</View>
      <View className="db-chart" role="list" aria-label="各状态办件数">
        {STATE_BARS.map((b) => {
          const v = count(byState[b.state]);
          return (
            <View key={b.state} className="db-col" role="listitem" aria-label={`${b.name} ${v} 件`}>
              <View className="db-col-value">{v}</View>
              <View className="db-track">
                <View className={`db-bar db-bar-state ${v > 0 ? 'nz' : ''}`} style={{ height: barPercent(v, max) }} data-testid={`bar-${b.state}`} />
              </View>
              <View className="db-col-label">{b.name}</View>
            </View>
          );
        })}
      </View>
    </View>
  );
}

function WeekChart({ weeks }: { weeks: Dashboard['weeks'] }) {
  const max = Math.max(0, ...weeks.flatMap((w) => [count(w.received), count(w.done)]));
  return (
    <View className="section">
      <View className="section-title">近 {weeks.length || 8} 周收件与办结</View>
      <View className="db-legend">
        <View className="db-key">
          <View className="db-swatch received" />
          收件
        </View>
        <View className="db-key">
          <View className="db-swatch done" />
          办结
        </View>
      </View>
      {!weeks.length ? (
        <View className="muted">暂无数据</View>
      ) : (
        <View className="db-chart" role="list" aria-label="每周收件与办结">
          {weeks.map((w) => (
            <View
              key={w.week}
              className="db-col"
              role="listitem"
              aria-label={`${weekName(w.week)}：收件 ${count(w.received)} 件，办结 ${count(w.done)} 件，按时 ${count(w.onTime)} 件`}
              data-testid="week"
            >
              <View className="db-col-value db-col-pair">
                <Text className="db-n received">{count(w.received)}</Text>
                <Text className="db-n done">{count(w.done)}</Text>
              </View>
              <View className="db-track">
                <View
                  className={`db-bar db-bar-received ${count(w.received) ? 'nz' : ''}`}
                  style={{ height: barPercent(count(w.received), max) }}
                  data-testid={`received-${w.week}`}
                />
                <View
                  className={`db-bar db-bar-done ${count(w.done) ? 'nz' : ''}`}
                  style={{ height: barPercent(count(w.done), max) }}
                  data-testid={`done-${w.week}`}
                />
              </View>
              <View className="db-col-label">{weekLabel(w.week)}</View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/** 好差评: the satisfied share (基本满意 and better) of all ratings as one split bar. */
function Satisfaction({ ratings, rate }: { ratings: number; rate: number | null }) {
  const known = ratings > 0 && typeof rate === 'number' && Number.isFinite(rate);
  const satisfied = known ? Math.round(Math.min(1, Math.max(0, rate)) * ratings) : 0;
  return (
    <View className="section">
      <View className="section-title">好差评</View>
      {!known ? (
        <View className="muted">暂无评价</View>
      ) : (
        <View>
          <View className="db-stack" role="img" aria-label={`满意 ${satisfied} 条，不满意 ${ratings - satisfied} 条`}>
            <View className="db-seg db-seg-good" style={{ width: barPercent(satisfied, ratings) }} data-testid="rating-satisfied" />
            <View className="db-seg db-seg-other" style={{ width: barPercent(ratings - satisfied, ratings) }} data-testid="rating-other" />
          </View>
          <View className="db-legend db-legend-wrap">
            <View className="db-key">
              <View className="db-swatch good" />
              满意 {satisfied} 条
            </View>
            <View className="db-key">
              <View className="db-swatch other" />
              不满意 {ratings - satisfied} 条
            </View>
          </View>
          <View className="muted">
            共 {ratings} 条评价，满意率 {rateText(rate)}
          </View>
        </View>
      )}
    </View>
  );
}
