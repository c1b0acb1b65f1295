import { Text, View } from '@tarojs/components';

const SHOWN = 12;

/** The queue as a picture: a grey dot for each person ahead (the first 12, then "+N"), then me in red. */
export function QueueDots({ ahead }: { ahead: number }) {
  const dots = Math.min(ahead, SHOWN);
  return (
    <View className="apt-queue" aria-hidden data-testid="queue">
      {Array.from({ length: dots }, (_, i) => (
        <View key={i} className="apt-dot" data-testid="queue-dot" />
      ))}
      {ahead > SHOWN && <Text className="apt-dot-more">+{ahead - SHOWN}</Text>}
      <View className="apt-dot me">我</View>
      <View className="apt-queue-end">窗口 →</View>
    </View>
  );
}
