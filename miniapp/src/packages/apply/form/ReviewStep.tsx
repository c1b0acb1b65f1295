import { Text, View } from '@tarojs/components';
import type { FormDef } from '@yx/shared';
import type { LocalDraft } from '../draftStore';
import { display, type Errors } from './parts';
import { ErrorLine } from '../../../components/ErrorLine';

export interface ReviewStepProps {
  form: FormDef;
  draft: LocalDraft;
  errors: Errors;
  submitError?: string;
  /** 修改: back to a section. */
  onChange: (step: number) => void;
}

/** 核对信息: every section's answers as they will be sent, each with a way back to change it. */
export function ReviewStep({ form, draft, errors, submitError, onChange }: ReviewStepProps) {
  return (
    <View>
      {form.sections.map((s, i) => (
        <View key={s} className="section apply-review" data-section={s}>
          <View className="apply-review-head">
            <View className="section-title">{s}</View>
            <View className="apply-change" onClick={() => onChange(i)} role="link">
              修改
            </View>
          </View>
          {form.fields
            .filter((f) => f.section === s)
            .map((f) => (
              <View key={f.key} className="apply-review-row">
                <Text className="muted apply-review-label">{f.label}</Text>
                <Text className={`apply-review-value ${errors[f.key] ? 'bad' : ''}`}>
                  {draft.deferred.includes(f.materialName ?? '') ? '容缺，承诺后补交' : display(f, draft.answers[f.key], draft.names)}
                </Text>
              </View>
            ))}
        </View>
      ))}
      <ErrorLine error={submitError} className="section" />
    </View>
  );
}
