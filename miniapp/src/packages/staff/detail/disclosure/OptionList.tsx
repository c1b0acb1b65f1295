import { Text, View } from '@tarojs/components';
import './disclosure.css';

export interface Option<T extends string> {
  value: T;
  name: string;
  /** what it means or when to use it, one line */
  line: string;
  /** the article it rests on, as a tag */
  tag?: string;
  /** a caution under the line (e.g. the condition is not met) */
  note?: string;
}

/** One choice among a few, each with its meaning on a line of its own (a list of radio rows, big enough in 长辈版). */
export function OptionList<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: Option<T>[];
  value?: T;
  onChange: (v: T) => void;
}) {
  return (
    <View className="dc-options" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`tap dc-option ${value === o.value ? 'on' : ''}`}
          role="radio"
          aria-checked={value === o.value}
          aria-label={`${o.name}：${o.line}`}
          data-testid={`option-${o.value}`}
          onClick={() => onChange(o.value)}
        >
          <View className="dc-option-head">
            <Text className="dc-option-mark" aria-hidden>
              {value === o.value ? '●' : '○'}
            </Text>
            <Text className="dc-option-name">{o.name}</Text>
            {o.tag && <Text className="tag tag-gray dc-option-tag">{o.tag}</Text>}
          </View>
          <View className="muted dc-option-line">{o.line}</View>
          {o.note && <View className="dc-option-note">{o.note}</View>}
        </View>
      ))}
    </View>
  );
}
