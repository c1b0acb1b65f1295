import { View } from '@tarojs/components';

export interface Tab<K extends string> {
  key: K;
  name: string;
  /** An extra class of this tab (a warning colour). */
  className?: string;
}

/**
 * A row of tabs over a list: tapping another tab calls onChange, tapping the current one does nothing
 * (no reload). The page styles it: classes are `<prefix>-tabs` and `<prefix>-tab` (`active` on the current one); `tap`
 * gives each tab the touch-target size (app.css).
 */
export function Tabs<K extends string>({ prefix, tabs, value, onChange }: { prefix: string; tabs: readonly Tab<K>[]; value: K; onChange: (key: K) => void }) {
  return (
    <View className={`${prefix}-tabs`} role="tablist">
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`${prefix}-tab tap ${t.key === value ? 'active' : ''} ${t.className ?? ''}`}
          role="tab"
          aria-selected={t.key === value}
          onClick={() => {
            if (t.key !== value) onChange(t.key);
          }}
        >
          {t.name}
        </View>
      ))}
    </View>
  );
}
