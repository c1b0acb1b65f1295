import { Text, View } from '@tarojs/components';

/** What is applied for (one item, or a 一件事 of several) and where the person is in the steps. */
export function StepsHead({ itemNames, steps, step }: { itemNames: string[]; steps: string[]; step: number }) {
  return (
    <View className="apply-head">
      <View className="apply-title">{itemNames.length > 1 ? `一件事联办：${itemNames.join('、')}` : itemNames[0]}</View>
      <View className="apply-steps" aria-label="填写步骤">
        {steps.map((s, i) => (
          <View key={s} className={`apply-step ${i === step ? 'active' : i < step ? 'done' : ''}`}>
            <View className="apply-step-dot">{i < step ? '✓' : i + 1}</View>
            <Text className="apply-step-name">{s}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
