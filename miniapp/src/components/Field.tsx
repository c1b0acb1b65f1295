import { Input, View } from '@tarojs/components';
import type * as z from 'zod';
import { ErrorLine } from './ErrorLine';

/** A labelled input whose error sits right under it, in words a person understands. */
export function Field(props: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  error?: string;
  placeholder?: string;
  maxlength?: number;
  type?: 'text' | 'idcard' | 'number';
  name: string;
  /** data-testid of the real <input> (H5), for a browser test to fill */
  testId?: string;
}) {
  return (
    <View className="field">
      <View className="field-label">{props.label}</View>
      <Input
        className={`input ${props.error ? 'input-error' : ''}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        maxlength={props.maxlength ?? 40}
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.detail.value)}
        aria-label={props.label}
        nativeProps={{ 'aria-label': props.label, ...(props.testId ? { 'data-testid': props.testId } : {}) }}
      />
      <ErrorLine error={props.error} />
    </View>
  );
}

/** First message per field ("name", or "items.0.material" inside lists), from a failed schema check, to show under each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const k = i.path.map(String).join('.');
    if (!out[k]) out[k] = i.message;
  }
  return out;
}
