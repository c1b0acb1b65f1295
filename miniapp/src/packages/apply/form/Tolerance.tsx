import { Checkbox, Input, Text, View } from '@tarojs/components';
import { COMMITMENT_SIGNER_MAX } from '@yx/shared';
import type { FormPayload } from '../../../api/client';
import { ErrorLine } from '../../../components/ErrorLine';

type Tolerance = FormPayload['tolerance'];

/** 容缺受理: what the enterprise's credit grade allows, above the materials. */
export function TolerancePanel({ tolerance, deferredCount }: { tolerance: Tolerance; deferredCount: number }) {
  const { quota, grade, dueWorkingDays } = tolerance;
  return (
    <View className="apply-tolerance" aria-label="容缺受理">
      <View className="apply-tolerance-title">容缺受理 · 信用 {grade} 级</View>
      <View>
        您的企业可先行受理，最多 <Text className="apply-strong">{quota}</Text> 项必交材料承诺后补交（已选 {deferredCount} 项），须在 {dueWorkingDays}{' '}
        个工作日内补齐。
      </View>
    </View>
  );
}

/** A material's 容缺 checkbox, under its field. */
export function DeferToggle({ value, checked, onToggle }: { value: string; checked: boolean; onToggle: () => void }) {
  return (
    <View className="apply-defer" onClick={onToggle} role="checkbox" aria-checked={checked}>
      <Checkbox value={value} checked={checked} color="#c8161d" />
      <Text>容缺，承诺后补交</Text>
    </View>
  );
}

export interface CommitmentProps {
  dueWorkingDays: number;
  deferred: string[];
  checked: boolean;
  onToggle: () => void;
  signer: string;
  onSigner: (v: string) => void;
  error?: string;
}

/** 信用承诺书: signed (ticked, and a signer's name) before deferred materials go on to review. */
export function CommitmentPanel({ dueWorkingDays, deferred, checked, onToggle, signer, onSigner, error }: CommitmentProps) {
  return (
    <View className="apply-commitment" aria-label="信用承诺">
      <View className="apply-tolerance-title">信用承诺书</View>
      <View className="muted">
        本企业承诺在 {dueWorkingDays} 个工作日内补交容缺材料：{deferred.join('、')}。逾期未补交的，申请转为补正，并记入企业信用记录。
      </View>
      <View className="apply-defer" onClick={onToggle} role="checkbox" aria-checked={checked}>
        <Checkbox value="commit" checked={checked} color="#c8161d" />
        <Text>我已阅读并作出上述承诺</Text>
      </View>
      <Input
        className="input"
        placeholder="签署人姓名"
        value={signer}
        maxlength={COMMITMENT_SIGNER_MAX}
        onInput={(e) => onSigner(e.detail.value)}
        aria-label="签署人姓名"
        nativeProps={{ 'aria-label': '签署人姓名' }}
      />
      <ErrorLine error={error} />
    </View>
  );
}
