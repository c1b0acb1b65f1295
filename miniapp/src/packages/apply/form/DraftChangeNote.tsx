import { View } from '@tarojs/components';

/**
 * 草稿与表单不一致: the draft was saved on an earlier version of the form (the 办事指南 changed its materials), so the
 * answers that no longer mean the same were dropped (`mergeDraft`). Said plainly at the top of the form, whichever step
 * it opens on, until the person closes it.
 */
export function DraftChangeNote({ lines, onClose }: { lines: string[]; onClose: () => void }) {
  if (!lines.length) return null;
  return (
    <View className="apply-changed" data-testid="draft-changed" role="alert">
      {lines.map((line) => (
        <View key={line}>{line}</View>
      ))}
      <View className="apply-changed-close tap" role="button" onClick={onClose}>
        知道了
      </View>
    </View>
  );
}
