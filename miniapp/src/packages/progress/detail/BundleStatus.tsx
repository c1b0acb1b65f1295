import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ApplicationDetail } from '@yx/shared';
import { StateTag } from '../../../components/TrafficLight';

type Bundle = NonNullable<ApplicationDetail['bundle']>;

const openApplication = (appNo: string) => Taro.navigateTo({ url: `/packages/progress/detail/index?appNo=${encodeURIComponent(appNo)}` });

/**
 * 一件事 as one (issue 16): the combined status (办理中 2/3 · 已办结 1/3), a small step picture — each item with its state,
 * an arrow from the item it waits for — and one list of results, each ready when its item is approved. Tapping an
 * item opens its own application; the one on this page is marked 本件.
 */
export function BundleStatus({ bundle, current }: { bundle: Bundle; current: string }) {
  return (
    <View className="section bs" data-testid="bundle-status">
      <View className="section-title">“{bundle.name}”办理情况</View>
      <View className={`bs-head bs-${bundle.state}`}>
        <Text className="bs-state" data-testid="bundle-state">
          {bundle.stateName}
        </Text>
        <Text className="bs-summary" data-testid="bundle-summary">
          {bundle.summary}
        </Text>
      </View>

      <View className="bs-steps" role="list" aria-label="各事项办理情况">
        {bundle.items.map((i) => {
          const here = i.appNo === current;
          return (
            <View key={i.appNo} role="listitem">
              {i.after.length > 0 && (
                <View className="bs-after" data-testid="bundle-arrow" aria-label={`在“${i.after.join('、')}”办结后办理`}>
                  <Text className="bs-arrow">↓</Text>
                  <Text className="muted">{i.after.join('、')}办结后</Text>
                </View>
              )}
              <View
                className={`bs-step bs-${i.phase} ${here ? 'bs-here' : ''}`}
                data-testid="bundle-item"
                data-phase={i.phase}
                onClick={here ? undefined : () => openApplication(i.appNo)}
                role={here ? undefined : 'link'}
              >
                <View className="bs-step-main">
                  <View className="dt-row-name">
                    {i.itemName}
                    {here && <Text className="bs-this">本件</Text>}
                  </View>
                  <View className="muted">{i.appNo}</View>
                </View>
                <StateTag state={i.state} name={i.stateName} />
              </View>
            </View>
          );
        })}
      </View>

      <View className="bs-results" data-testid="bundle-results">
        <View className="bs-results-title">办理结果</View>
        {bundle.results.map((r) => (
          <View key={r.appNo} className={`bs-result ${r.ready ? 'bs-ready' : ''}`} data-testid="bundle-result" data-ready={r.ready ? 'true' : 'false'}>
            <Text className="bs-mark">{r.ready ? '✓' : '·'}</Text>
            <View className="bs-result-main">
              <View>{r.result}</View>
              <View className="muted">
                {r.itemName} · {r.note}
              </View>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
