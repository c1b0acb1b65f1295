import { Text, View } from '@tarojs/components';
import type { DeskView } from '../../../api/appointments';

/** The first 20 waiting numbers, in the order this window will call them; booked ones tagged 预约. */
export function Waiting({ desk }: { desk: DeskView }) {
  const shown = desk.waiting.slice(0, 20);
  return (
    <View className="section" data-testid="waiting">
      <View className="section-title">等候队列</View>
      <View className="hd-wait-count" data-testid="waiting-count">
        共 {desk.waitingCount} 人等候
      </View>
      {shown.length === 0 ? (
        <View className="muted">暂无等候的号</View>
      ) : (
        <View className="hd-wait-list" role="list" aria-label="等候的号，按叫号顺序">
          {shown.map((t, i) => (
            <View key={t.no} className={`hd-wait ${i === 0 ? 'first' : ''}`} role="listitem" data-testid={`waiting-${t.no}`}>
              <Text className="hd-wait-no">{t.no}</Text>
              {t.booked && <Text className="tag tag-orange hd-wait-tag">预约</Text>}
            </View>
          ))}
        </View>
      )}
      {desk.waitingCount > shown.length && <View className="muted hd-wait-more">按叫号顺序显示前 {shown.length} 个</View>}
    </View>
  );
}

const minutes = (m?: number) => (m === undefined ? '—' : String(Math.round(m)));

function Tile({ name, value, unit, testId }: { name: string; value: string; unit?: string; testId: string }) {
  return (
    <View className="hd-tile" data-testid={testId}>
      <View className="hd-tile-num">
        {value}
        {unit && value !== '—' && <Text className="hd-tile-unit">{unit}</Text>}
      </View>
      <View className="hd-tile-name">{name}</View>
    </View>
  );
}

/** Today's figures: mine (served, absent, average minutes at the window) and the point's (taken, served, waiting, average wait). */
export function Figures({ desk }: { desk: DeskView }) {
  const { mine, point } = desk.figures;
  return (
    <View className="section" data-testid="figures">
      <View className="section-title">今日数据</View>
      <View className="hd-fig-group">我的窗口</View>
      <View className="hd-tiles">
        <Tile name="办结" value={String(mine.served)} unit="人" testId="fig-mine-served" />
        <Tile name="过号" value={String(mine.absent)} unit="人" testId="fig-mine-absent" />
        <Tile name="平均办理" value={minutes(mine.avgServiceMinutes)} unit="分钟" testId="fig-mine-avg" />
      </View>
      <View className="hd-fig-group">{desk.window?.pointName ?? '本大厅'}</View>
      <View className="hd-tiles">
        <Tile name="取号" value={String(point.taken)} unit="人" testId="fig-point-taken" />
        <Tile name="办结" value={String(point.served)} unit="人" testId="fig-point-served" />
        <Tile name="等候" value={String(point.waiting)} unit="人" testId="fig-point-waiting" />
        <Tile name="平均等候" value={minutes(point.avgWaitMinutes)} unit="分钟" testId="fig-point-wait" />
      </View>
    </View>
  );
}
