import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FieldDef, FileRef, FormDef } from '@yx/shared';
import { useState } from 'react';
import type { ApiError, FormPayload, LicenceView } from '../../../api/client';
import { pickAndUploadImage, type UploadProgress as Progress } from '../../../api/upload';
import { UploadProgress } from '../../../components/UploadProgress';
import type { LocalDraft } from '../draftStore';
import { FormField } from '../fields';
import { deferName, refsOf, withAnswer, without, type Errors, type SetErrors, type UpdateDraft } from './parts';
import { CommitmentPanel, DeferToggle, TolerancePanel } from './Tolerance';

export interface SectionStepProps {
  payload: FormPayload;
  form: FormDef;
  section: string;
  draft: LocalDraft;
  update: UpdateDraft;
  errors: Errors;
  setErrors: SetErrors;
  /** The 信用承诺 ticked (asked again each time the page opens). */
  commitmentChecked: boolean;
  setCommitmentChecked: (on: boolean) => void;
}

/** One section of the form; on the last (the materials), 容缺受理 and the 信用承诺 too. */
export function SectionStep({ payload, form, section, draft, update, errors, setErrors, commitmentChecked, setCommitmentChecked }: SectionStepProps) {
  const { tolerance } = payload;
  const { quota } = tolerance;
  const isLast = section === form.sections[form.sections.length - 1];
  const sectionFields = form.fields.filter((f) => f.section === section);
  const requiredFiles = form.fields.filter((f) => f.type === 'file' && f.required);
  const deferredCount = draft.deferred.length;

  // changes are worked out from the latest draft: an upload ends seconds after the tap, and the person may have typed meanwhile
  const setAnswer = (key: string, value: unknown) => {
    setErrors(without(key));
    update((d) => ({ answers: withAnswer(d.answers, key, value) }));
  };

  const addFile = (field: FieldDef, ref: FileRef) => {
    setErrors(without(field.key));
    update((d) => ({ answers: withAnswer(d.answers, field.key, [...refsOf(d.answers, field.key), ref].slice(0, 5)) }));
  };

  // 正在压缩… / 正在上传 45% under the material being uploaded (issue 14)
  const [progress, setProgress] = useState<{ key: string; at: Progress }>();
  const upload = async (field: FieldDef) => {
    try {
      const u = await pickAndUploadImage(field.label, { onProgress: (at) => setProgress({ key: field.key, at }) });
      if (!u) return;
      update((d) => ({ names: { ...d.names, [u.fileId]: u.fileName } }));
      addFile(field, { kind: 'upload', fileId: u.fileId });
    } catch (e) {
      setErrors((x) => ({ ...x, [field.key]: (e as ApiError).message }));
    } finally {
      setProgress(undefined);
    }
  };

  // using an e-licence is the holder's authorisation, recorded with the application
  const chooseLicence = (field: FieldDef, l: LicenceView) => {
    if (refsOf(draft.answers, field.key).some((r) => r.kind === 'elicence' && r.licenceId === l.id)) return;
    addFile(field, { kind: 'elicence', licenceId: l.id });
  };

  const toggleDefer = (field: FieldDef) => {
    const name = deferName(field);
    const on = draft.deferred.includes(name);
    if (!on && deferredCount >= quota) {
      Taro.showToast({ title: `最多可容缺 ${quota} 项`, icon: 'none' });
      return;
    }
    update((d) => ({
      deferred: on ? d.deferred.filter((n) => n !== name) : [...d.deferred, name],
      answers: on ? d.answers : withAnswer(d.answers, field.key, undefined),
    }));
  };

  return (
    <View className="section" data-section={section}>
      <View className="section-title">{section}</View>
      {isLast && quota > 0 && <TolerancePanel tolerance={tolerance} deferredCount={deferredCount} />}
      {isLast && <NotUploaded materials={form.materialsWithoutUpload ?? []} />}
      {sectionFields.map((f) => (
        <View key={f.key}>
          <FormField
            field={f}
            value={draft.answers[f.key]}
            error={errors[f.key]}
            onChange={(v) => setAnswer(f.key, v)}
            licences={f.type === 'file' ? payload.licences.filter((l) => l.type === payload.licenceTypes[f.key]) : undefined}
            names={draft.names}
            onUpload={() => upload(f)}
            onUseLicence={(l) => chooseLicence(f, l)}
            deferred={draft.deferred.includes(deferName(f))}
          />
          {progress?.key === f.key && <UploadProgress progress={progress.at} />}
          {quota > 0 && requiredFiles.includes(f) && (
            <DeferToggle value={f.key} checked={draft.deferred.includes(deferName(f))} onToggle={() => toggleDefer(f)} />
          )}
        </View>
      ))}
      {isLast && deferredCount > 0 && (
        <CommitmentPanel
          dueWorkingDays={tolerance.dueWorkingDays}
          deferred={draft.deferred}
          checked={commitmentChecked}
          onToggle={() => {
            setCommitmentChecked(!commitmentChecked);
            setErrors(without('_commitment'));
          }}
          signer={draft.signer}
          onSigner={(v) => {
            update({ signer: v });
            setErrors(without('_commitment'));
          }}
          error={errors._commitment}
        />
      )}
    </View>
  );
}

/** The materials this form produces, or another department or item provides: named and explained, never an upload. */
function NotUploaded({ materials }: { materials: NonNullable<FormDef['materialsWithoutUpload']> }) {
  if (materials.length === 0) return null;
  return (
    <View>
      {materials.map((m) => (
        <View key={m.name} className="field" data-testid="material-not-uploaded">
          <View className="field-label">
            {m.name} <Text className="tag tag-green">无需上传</Text>
          </View>
          <View className="muted apply-help">{m.instruction}</View>
        </View>
      ))}
    </View>
  );
}
