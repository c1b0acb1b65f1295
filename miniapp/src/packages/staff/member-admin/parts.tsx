import { Input, View } from '@tarojs/components';

/** Small pieces the 会员管理 tabs share. */

/** A typed number as the schema should see it: '' is missing, anything else goes through Number (so '1.5' and 'abc' fail the schema's own checks). */
export function num(s: string): number | undefined {
  const t = s.trim();
  return t === '' ? undefined : Number(t);
}

/** How many digits the largest accepted number has: the maxlength of its input. */
export const digits = (max: number) => String(max).length;

/** A non-negative count, 0 for anything else (so nothing ever shows NaN). */
export const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/** A value's share of `max`, as a CSS percentage (0% when everything is zero). */
export function pct(value: number, max: number): string {
  if (!(max > 0) || !(value > 0)) return '0%';
  return `${Math.round((Math.min(value, max) / max) * 1000) / 10}%`;
}

/** The error for a field or anything under it ("levels.0.perks" also finds "levels.0.perks.3"). */
export function errAt(errors: Record<string, string>, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const k = Object.keys(errors).find((e) => e.startsWith(`${key}.`));
  return k ? errors[k] : undefined;
}

/** "2026-11-28" → "28": the chart columns are narrow; the full date is in each column's label. */
export const dayOfMonth = (date: string) => String(Number(date.slice(8, 10)) || date);
/** "2026-11-28" → "11月28日". */
export const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A compact labelled input inside a row (bonus rows, colour codes): the label is visible above it. */
export function MiniInput({
  label,
  value,
  onInput,
  error,
  type = 'text',
  placeholder,
  maxlength = 10,
  className = '',
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  error?: string;
  type?: 'text' | 'number';
  placeholder?: string;
  maxlength?: number;
  className?: string;
}) {
  return (
    <View className={`ma-mini ${className}`}>
      <Input
        className={`input ma-mini-input ${error ? 'input-error' : ''}`}
        type={type}
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        onInput={(e) => onInput(e.detail.value)}
        aria-label={label}
        nativeProps={{ 'aria-label': label }}
      />
    </View>
  );
}

/** A form's closing line: how many items still need attention, or the server's message. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <View className="error-text ma-form-error" role="alert" data-testid="form-error">
      {message}
    </View>
  );
}
