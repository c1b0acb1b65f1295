import { View } from '@tarojs/components';
import type { ServiceItem } from '@yx/shared';
import './StepFlow.css';

/** 办理流程 as a flow chart: numbered nodes joined by arrows, who acts and how long. */
export function StepFlow({ steps }: { steps: ServiceItem['steps'] }) {
  return (
    <View className="flow" aria-label="办理流程图">
      {steps.map((s, i) => (
        <View key={`${s.name}-${i}`} className="flow-step">
          <View className="flow-rail">
            <View className="flow-dot">{i + 1}</View>
            {i < steps.length - 1 && <View className="flow-line" />}
          </View>
          <View className="flow-body">
            <View className="flow-name">
              {s.name}
              <View className="flow-actor">
                {s.actor}
                {s.days !== undefined ? ` · ${s.days === 0 ? '当场' : `${s.days} 个工作日`}` : ''}
              </View>
            </View>
            <View className="muted">{s.description}</View>
          </View>
        </View>
      ))}
    </View>
  );
}
