import { Textarea, View } from '@tarojs/components';
import { ErrorLine } from './ErrorLine';
import './TextBox.css';

/** A multi-line text box with a counter and its error right under it. */
export function TextBox({
  label,
  value,
  onInput,
  max,
  placeholder,
  error,
  hideLabel,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  max: number;
  placeholder?: string;
  error?: string;
  hideLabel?: boolean;
}) {
  return (
    <View className="field textbox">
      {!hideLabel && <View className="field-label">{label}</View>}
      {/* WeChat's textarea defaults to 140 characters: always pass maxlength */}
      <Textarea
        className={`textbox-area ${error ? 'input-error' : ''}`}
        value={value}
        maxlength={max}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value.slice(0, max))}
        aria-label={label}
        nativeProps={{ 'aria-label': label }}
      />
      <View className="muted textbox-count">
        {value.length}/{max}
      </View>
      <ErrorLine error={error} />
    </View>
  );
}
