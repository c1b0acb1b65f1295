import { Input, View } from '@tarojs/components';
import { FACT_EVIDENCE, FACT_NAMES, QUALIFICATIONS, type DeclarableFactKey, type Qualification } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { policyApi, type FirmProfileView } from '../../../api/policies';
import type { Uploaded } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { ErrorLine } from '../../../components/ErrorLine';
import { MaterialUpload } from '../../../components/MaterialUpload';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';
import { CheckRow } from '../../../components/CheckRow';

const UNITS = { headcount: '人', revenue: '万元', taxPaid: '万元' } as const;
const QUALIFICATION_IDS = Object.keys(QUALIFICATIONS) as Qualification[];

/** What is wrong with a number as typed, in the words the server would use; undefined when it will do. */
export function numberProblem(text: string): string | undefined {
  const t = text.trim().replace(/,/g, '');
  if (!t) return '请填写数值';
  const n = Number(t);
  if (!Number.isFinite(n)) return '请填写数值';
  if (n < 0) return '数值不能小于 0';
  if (n > 100_000_000) return '数值过大';
  return undefined;
}

/**
 * 企业自报: the value of a fact the district lacks (a number, or the qualifications held) and the proof, one file uploaded
 * as the application form uploads one (MaterialUpload: photo or PDF); then PUT /v1/firm/profile/facts, which answers with
 * the profile as it now is. The value counts for 依申请 items only, marked 待核验 until the department checks the proof.
 */
export function DeclareForm({ fact, onDone, onCancel }: { fact: DeclarableFactKey; onDone: (p: FirmProfileView) => void; onCancel: () => void }) {
  const [value, setValue] = useState('');
  const [quals, setQuals] = useState<Qualification[]>([]);
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => asApiError(e).message,
    (form) => setErrors({ form }),
  );
  const proof = FACT_EVIDENCE[fact];
  const name = FACT_NAMES[fact];

  const submit = () => {
    const problems: Record<string, string> = {};
    const bad = fact === 'qualifications' ? (quals.length ? undefined : '请选择资质') : numberProblem(value);
    if (bad) problems.value = bad;
    if (!files.length) problems.file = `请上传${proof}`;
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const fileId = files[0].fileId;
    void send(async () => {
      const profile =
        fact === 'qualifications'
          ? await policyApi.declareFact({ fact, value: QUALIFICATION_IDS.filter((q) => quals.includes(q)), fileId })
          : await policyApi.declareFact({ fact, value: Number(value.trim().replace(/,/g, '')), fileId });
      onDone(profile);
    });
  };

  return (
    <View className="pf-form" data-testid={`declare-${fact}`}>
      {fact === 'qualifications' ? (
        <View className="field">
          <View className="field-label">已取得的资质（可多选）</View>
          {QUALIFICATION_IDS.map((q) => (
            <CheckRow
              key={q}
              label={QUALIFICATIONS[q]}
              checked={quals.includes(q)}
              onToggle={() => setQuals((c) => (c.includes(q) ? c.filter((x) => x !== q) : [...c, q]))}
            />
          ))}
          <ErrorLine error={errors.value} />
        </View>
      ) : (
        <View className="field">
          <View className="field-label">
            {name}（{UNITS[fact]}）
          </View>
          <Input
            className={`input ${errors.value ? 'input-error' : ''}`}
            name={fact}
            type={fact === 'headcount' ? 'number' : 'digit'}
            maxlength={12}
            value={value}
            placeholder={fact === 'headcount' ? '如：36' : '如：1200.5'}
            onInput={(e) => setValue(e.detail.value)}
            aria-label={name}
            nativeProps={{ 'aria-label': name }}
          />
          <ErrorLine error={errors.value} />
        </View>
      )}
      <View className="field-label">证明材料：{proof}</View>
      <MaterialUpload material={proof} value={files} onChange={setFiles} max={1} onUploading={setUploading} error={errors.file} />
      <View className="muted pf-note">提交后标为“企业自报·待核验”：可用于依申请的政策（申请时由主管部门核验），不用于免申即享。</View>
      <ErrorLine error={errors.form} testId="declare-error" />
      <View className="pf-actions">
        <Button className="btn btn-plain" onClick={onCancel}>
          取消
        </Button>
        <SendButton className="btn" busy={busy} disabled={uploading} onClick={submit} testId="declare-submit">
          提交
        </SendButton>
      </View>
    </View>
  );
}
