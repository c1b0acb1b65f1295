import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { ADDRESS_MAX, MOBILE_LENGTH, RESIDENT_ID_LENGTH, TEXTAREA_MAX, type FieldDef, type FileRef } from '@yx/shared';
import type { LicenceView } from '../../api/client';
import { ErrorLine } from '../../components/ErrorLine';
import { LONG_CHOICE, LongChoice } from './LongChoice';

export interface FieldProps {
  field: FieldDef;
  value: unknown;
  error?: string;
  onChange: (v: unknown) => void;
  /** file fields */
  licences?: LicenceView[];
  names?: Record<string, string>;
  onUpload?: () => void;
  onUseLicence?: (l: LicenceView) => void;
  deferred?: boolean;
}

const INPUT_TYPES: Partial<Record<FieldDef['type'], 'text' | 'number' | 'idcard' | 'digit'>> = {
  number: 'digit',
  residentId: 'idcard',
  phone: 'number',
};

/** One form field, drawn by its type; the error sits right under it. */
export function FormField(p: FieldProps) {
  const { field } = p;
  const label = (
    <View className="field-label">
      {field.label}
      {field.required ? <Text className="apply-required"> *</Text> : <Text className="muted">（选填）</Text>}
    </View>
  );
  const help = field.help ? <View className="muted apply-help">{field.help}</View> : null;
  const error = <ErrorLine error={p.error} />;

  if (field.type === 'choice' && (field.options?.length ?? 0) > LONG_CHOICE) {
    return <LongChoice field={field} value={p.value} onChange={p.onChange} label={label} help={help} error={error} invalid={Boolean(p.error)} />;
  }
  if (field.type === 'choice') {
    return (
      <View className="field" data-field={field.key}>
        {label}
        <View className="apply-choices" role="radiogroup" aria-label={field.label}>
          {field.options!.map((o) => (
            <View
              key={o.value}
              role="radio"
              aria-checked={p.value === o.value}
              className={`tap apply-choice ${p.value === o.value ? 'active' : ''}`}
              onClick={() => p.onChange(o.value)}
            >
              {o.label}
            </View>
          ))}
        </View>
        {help}
        {error}
      </View>
    );
  }
  if (field.type === 'date') {
    return (
      <View className="field" data-field={field.key}>
        {label}
        <Picker mode="date" value={String(p.value ?? '')} onChange={(e) => p.onChange(e.detail.value)}>
          <View className={`input apply-picker ${p.error ? 'input-error' : ''}`}>{p.value ? String(p.value) : <Text className="muted">请选择日期</Text>}</View>
        </Picker>
        {help}
        {error}
      </View>
    );
  }
  if (field.type === 'textarea') {
    return (
      <View className="field" data-field={field.key}>
        {label}
        <Textarea
          className={`input apply-textarea ${p.error ? 'input-error' : ''}`}
          value={String(p.value ?? '')}
          maxlength={field.max ?? TEXTAREA_MAX}
          placeholder={field.placeholder}
          onInput={(e) => p.onChange(e.detail.value)}
          aria-label={field.label}
          nativeProps={{ 'aria-label': field.label }}
        />
        {help}
        {error}
      </View>
    );
  }
  if (field.type === 'file') {
    const refs = (Array.isArray(p.value) ? p.value : []) as FileRef[];
    const name = (r: FileRef) => (r.kind === 'upload' ? (p.names?.[r.fileId] ?? '已上传的文件') : (p.names?.[r.licenceId] ?? '电子证照'));
    return (
      <View className={`field apply-file ${p.deferred ? 'deferred' : ''}`} data-field={field.key}>
        {label}
        {help}
        {p.deferred ? (
          <View className="tag tag-orange">容缺：承诺后补交</View>
        ) : (
          <View>
            {refs.map((r, i) => (
              <View key={i} className="apply-file-item">
                <Text className={`tag ${r.kind === 'upload' ? 'tag-blue' : 'tag-green'}`}>{r.kind === 'upload' ? '已上传' : '电子证照'}</Text>
                <Text className="apply-file-name">{name(r)}</Text>
                <Text className="apply-file-remove" onClick={() => p.onChange(refs.filter((_, j) => j !== i))}>
                  移除
                </Text>
              </View>
            ))}
            <View className="apply-file-actions">
              {(p.licences ?? []).map((l) => (
                <View key={l.id} className="apply-file-btn licence" onClick={() => p.onUseLicence?.(l)} role="button">
                  用电子证照：{l.name}
                </View>
              ))}
              <View className="apply-file-btn" onClick={p.onUpload} role="button">
                拍照/上传
              </View>
            </View>
          </View>
        )}
        {error}
      </View>
    );
  }
  return (
    <View className="field" data-field={field.key}>
      {label}
      <Input
        className={`input ${p.error ? 'input-error' : ''}`}
        type={INPUT_TYPES[field.type] ?? 'text'}
        value={p.value === undefined || p.value === null ? '' : String(p.value)}
        placeholder={field.placeholder}
        maxlength={
          field.type === 'residentId'
            ? RESIDENT_ID_LENGTH
            : field.type === 'phone'
              ? MOBILE_LENGTH
              : field.max && field.type !== 'number'
                ? field.max
                : ADDRESS_MAX
        }
        onInput={(e) => {
          const v = e.detail.value;
          p.onChange(field.type === 'number' ? (v === '' ? undefined : Number.isNaN(Number(v)) ? v : Number(v)) : v);
        }}
        aria-label={field.label}
        nativeProps={{ 'aria-label': field.label }}
      />
      {help}
      {error}
    </View>
  );
}
