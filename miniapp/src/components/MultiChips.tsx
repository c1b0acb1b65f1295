import { View } from '@tarojs/components';
import './Chips.css';

/** Adds or removes a value (chips that may pick several). */
export const toggle = <T,>(list: readonly T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** Chips that may pick several (政策主题, 企业规模, 街道, 服务对象, 送达方式…): each a checkbox named by its own text. */
export function MultiChips<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly (readonly [T, string])[];
  value: readonly T[];
  onChange: (v: T[]) => void;
}) {
  return (
    <View className="chips" role="group" aria-label={label}>
      {options.map(([v, l]) => (
        <View
          key={v}
          className={`chip ${value.includes(v) ? 'on' : ''}`}
          role="checkbox"
          aria-checked={value.includes(v)}
          aria-label={l}
          onClick={() => onChange(toggle(value, v))}
        >
          {l}
        </View>
      ))}
    </View>
  );
}
