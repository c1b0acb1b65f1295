import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../components/Button';

/** The few things older people come for (issue 14; MIIT 适老化: a simpler home, nothing competing, no pop-ups). */
const TILES = [
  { key: 'guide', name: '办事', sub: '查办事指南，在线办理', badge: '办', color: '#c8161d', go: () => Taro.switchTab({ url: '/pages/guide/index' }) },
  {
    key: 'lookup',
    name: '进度查询',
    sub: '凭编号查，不用登录',
    badge: '查',
    color: '#2f7d5a',
    go: () => Taro.navigateTo({ url: '/packages/progress/lookup/index' }),
  },
  {
    key: 'mine',
    name: '我的办件',
    sub: '看进度、补材料、评价',
    badge: '件',
    color: '#b45309',
    go: () => Taro.navigateTo({ url: '/packages/progress/mine/index' }),
  },
  {
    key: 'appointment',
    name: '预约取号',
    sub: '预约去大厅的时间，到了扫码取号',
    badge: '约',
    color: '#1d5fd1',
    go: () => Taro.navigateTo({ url: '/packages/appointment/index' }),
  },
  {
    key: 'help',
    name: '一键求助',
    sub: '身边的问题，找网格员',
    badge: '助',
    color: '#5b4bc4',
    go: () => Taro.navigateTo({ url: '/packages/appeal/file/index' }),
  },
] as const;

export function ElderHome({ onStandard }: { onStandard: () => void }) {
  return (
    <View className="eh" data-testid="elder-home">
      <View className="eh-head">
        <View className="eh-title">越秀掌上办</View>
        <View className="eh-sub">长辈版 · 大字大按钮</View>
      </View>
      <View className="eh-tiles">
        {TILES.map((t) => (
          <View key={t.key} className="eh-tile" role="button" onClick={t.go} data-testid={`elder-${t.key}`}>
            <View className="eh-badge" style={{ background: t.color }} aria-hidden>
              {t.badge}
            </View>
            <View className="eh-text">
              <View className="eh-name">{t.name}</View>
              <View className="eh-tile-sub">{t.sub}</View>
            </View>
            <View className="eh-arrow" aria-hidden>
              ›
            </View>
          </View>
        ))}
      </View>
      <Button className="btn btn-plain eh-standard" onClick={onStandard}>
        切换到标准版
      </Button>
    </View>
  );
}
