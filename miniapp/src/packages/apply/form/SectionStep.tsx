import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FILES_MAX, type FieldDef, type FormDef } from '@yx/shared';
import type { FormPayload, LicenceView } from '../../../api/client';
import type { Uploaded } from '../../../api/upload';
import type { LocalDraft } from '../draftStore';
import { FormField } from '../fields';
import { MaterialField, withPages } from './MaterialField';
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

  // a material's pages (photos, PDFs) after an upload, a replacement or a removal; their names kept with the draft, so
  // nothing uploaded is lost or unnamed when the person comes back (issue 16)
  const setPages = (field: FieldDef, pages: Uploaded[]) => {
    setErrors(without(field.key));
    update((d) => ({
      names: { ...d.names, ...Object.fromEntries(pages.map((p) => [p.fileId, p.fileName])) },
      answers: withAnswer(d.answers, field.key, withPages(refsOf(d.answers, field.key), pages)),
    }));
  };

  // using an e-licence is the holder's authorisation, recorded with the application
  const chooseLicence = (field: FieldDef, l: LicenceView) => {
    const refs = refsOf(draft.answers, field.key);
    if (refs.some((r) => r.kind === 'elicence' && r.licenceId === l.id)) return;
    if (refs.length >= FILES_MAX) {
      Taro.showToast({ title: `这份材料最多 ${FILES_MAX} 页，请先删除一页`, icon: 'none' });
      return;
    }
    setErrors(without(field.key));
    update((d) => ({
      answers: withAnswer(d.answers, field.key, [...refsOf(d.answers, field.key), { kind: 'elicence' as const, licenceId: l.id }].slice(0, FILES_MAX)),
    }));
  };
  const removeLicence = (field: FieldDef, licenceId: string) =>
    update((d) => ({
      answers: withAnswer(
        d.answers,
        field.key,
        refsOf(d.answers, field.key).filter((r) => !(r.kind === 'elicence' && r.licenceId === licenceId)),
      ),
    }));

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
          {f.type === 'file' ? (
            <MaterialField
              field={f}
              value={draft.answers[f.key]}
              error={errors[f.key]}
              licences={payload.licences.filter((l) => l.type === payload.licenceTypes[f.key])}
              names={draft.names}
              deferred={draft.deferred.includes(deferName(f))}
              onUseLicence={(l) => chooseLicence(f, l)}
              onRemoveLicence={(id) => removeLicence(f, id)}
              onPages={(pages) => setPages(f, pages)}
            />
          ) : (
            <FormField field={f} value={draft.answers[f.key]} error={errors[f.key]} onChange={(v) => setAnswer(f.key, v)} />
          )}
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
