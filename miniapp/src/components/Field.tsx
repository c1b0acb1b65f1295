import { Input, View } from '@tarojs/components';

/** A labelled input whose error sits right under it, in words a person understands. */
export function Field(props: {
  label: string; value: string; onInput: (v: string) => void; error?: string; placeholder?: string; maxlength?: number; type?: 'text' | 'idcard' | 'number'; name: string;
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
      />
      {props.error && <View className="error-text" role="alert">{props.error}</View>}
    </View>
  );
}
