import { Input, Text, View } from '@tarojs/components';
import type { FieldDef } from '@yx/shared';
import { useState, type ReactNode } from 'react';

/** More options than this are a list to open and search, not a wall of chips (依申请公开's ~20 departments). */
export const LONG_CHOICE = 8;

/**
 * One choice among many: a box saying what is chosen (请选择 before), which opens a list — one option a line, big
 * enough to tap, with a search for a word of the name — and closes once one is picked.
 */
export function LongChoice({
  field,
  value,
  onChange,
  label,
  help,
  error,
  invalid,
}: {
  field: FieldDef;
  value: unknown;
  onChange: (v: unknown) => void;
  label: ReactNode;
  help: ReactNode;
  error: ReactNode;
  /** the field has an error: the box is drawn red */
  invalid?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const options = field.options ?? [];
  const chosen = options.find((o) => o.value === value);
  const word = q.trim();
  const shown = word ? options.filter((o) => o.label.includes(word)) : options;
  const pick = (v: string) => {
    onChange(v);
    setOpen(false);
    setQ('');
  };
  return (
    <View className="field" data-field={field.key}>
      {label}
      <View
        className={`tap input apply-picker apply-long ${invalid ? 'input-error' : ''}`}
        role="button"
        aria-expanded={open}
        aria-label={`${field.label}：${chosen?.label ?? '请选择'}`}
        data-testid={`long-choice-${field.key}`}
        onClick={() => setOpen((o) => !o)}
      >
        {chosen ? <Text className="apply-long-value">{chosen.label}</Text> : <Text className="muted apply-long-value">请选择</Text>}
        <Text className="apply-long-arrow" aria-hidden>
          {open ? '收起' : '›'}
        </Text>
      </View>
      {open && (
        <View className="apply-long-list">
          <Input
            className="input apply-long-search"
            value={q}
            maxlength={20}
            placeholder="输入名称中的字查找，如：住房"
            onInput={(e) => setQ(e.detail.value)}
            aria-label={`查找${field.label}`}
            nativeProps={{ 'aria-label': `查找${field.label}` }}
          />
          <View role="radiogroup" aria-label={field.label}>
            {shown.map((o) => (
              <View
                key={o.value}
                className={`tap apply-long-option ${o.value === value ? 'active' : ''}`}
                role="radio"
                aria-checked={o.value === value}
                onClick={() => pick(o.value)}
              >
                {o.label}
              </View>
            ))}
          </View>
          {!shown.length && <View className="muted apply-long-none">没有找到“{word}”，换个字试试</View>}
        </View>
      )}
      {help}
      {error}
    </View>
  );
}
