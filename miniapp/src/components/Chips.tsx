import { View } from '@tarojs/components';
import './Chips.css';

export interface ChipOption<T extends string> {
  value: T;
  label: string;
  tone?: string;
}

/** One choice among a few, as tappable chips (works the same in WeChat and H5, unlike Picker). */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  label,
  className = '',
}: {
  options: ChipOption<T>[];
  value: T | undefined;
  onChange: (v: T) => void;
  label: string;
  className?: string;
}) {
  return (
    <View className={`chips ${className}`} role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`chip ${o.tone ?? ''} ${value === o.value ? 'on' : ''}`}
          role="radio"
          aria-checked={value === o.value}
          aria-label={o.label}
          onClick={() => onChange(o.value)}
        >
          {o.tone && <View className="chip-dot" />}
          {o.label}
        </View>
      ))}
    </View>
  );
}
