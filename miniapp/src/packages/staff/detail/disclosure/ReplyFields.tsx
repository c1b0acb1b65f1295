import { View } from '@tarojs/components';
import { DISCLOSURE_FILES_MAX, EXEMPTION_IDS, EXEMPTIONS, type Exemption, type ReplyKind } from '@yx/shared';
import type { Uploaded } from '../../../../api/upload';
import { Chips } from '../../../../components/Chips';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import { MaterialUpload } from '../../../../components/MaterialUpload';
import { TextBox } from '../../../../components/TextBox';
import type { Errors } from '../forms';

/** What the officer has typed for a reply (kept when the kind changes: nothing typed is lost). */
export interface ReplyDraft {
  files: Uploaded[];
  where: string;
  exemption?: Exemption;
  withheld: string;
  rightName: string;
  rightContact: string;
  earlierAppNo: string;
}
export const EMPTY_DRAFT: ReplyDraft = { files: [], where: '', withheld: '', rightName: '', rightContact: '', earlierAppNo: '' };

const WHERE_HINTS: Partial<Record<ReplyKind, { label: string; placeholder: string }>> = {
  published: { label: '获取途径（网址、栏目、公开查阅点）', placeholder: '如：越秀区人民政府网站“政务公开—重点领域信息公开”栏目' },
  other_law: { label: '获取途径（按哪个规定、到哪里办理）', placeholder: '如：请持身份证明到不动产登记机构申请查询' },
};

export interface ReplyFieldsProps {
  kind: ReplyKind;
  needs: readonly string[];
  draft: ReplyDraft;
  set: (patch: Partial<ReplyDraft>) => void;
  errors: Errors;
  onUploading: (on: boolean) => void;
  busy: boolean;
}

/** Exactly the fields the kind needs (REPLY_NEEDS), plus the right body for 非本机关负责公开. */
export function ReplyFields({ kind, needs, draft, set, errors, onUploading, busy }: ReplyFieldsProps) {
  const where = WHERE_HINTS[kind] ?? WHERE_HINTS.published!;
  return (
    <View>
      {needs.includes('files') && (
        <View className="field" data-testid="reply-files">
          <View className="field-label">{kind === 'partial' ? '提供可以公开的部分（PDF）' : '提供的政府信息（PDF）'}</View>
          <MaterialUpload
            material="答复附件"
            pdfOnly
            max={DISCLOSURE_FILES_MAX}
            value={draft.files}
            onChange={(files) => set({ files })}
            onUploading={onUploading}
            disabled={busy}
            error={errors.files}
          />
        </View>
      )}
      {needs.includes('withheld') && (
        <TextBox
          label="不予公开的部分"
          value={draft.withheld}
          onInput={(withheld) => set({ withheld })}
          max={300}
          placeholder="如：施工单位的报价明细"
          error={errors.withheld}
        />
      )}
      {needs.includes('exemption') && (
        <View className="field" data-testid="reply-exemption">
          <View className="field-label">不予公开的依据</View>
          <Chips
            label="不予公开的依据"
            options={EXEMPTION_IDS.map((e) => ({ value: e, label: EXEMPTIONS[e].name }))}
            value={draft.exemption}
            onChange={(exemption) => set({ exemption })}
          />
          {draft.exemption && (
            <View className="dc-basis" data-testid="exemption-basis">
              {EXEMPTIONS[draft.exemption].basis}
            </View>
          )}
          <ErrorLine error={errors.exemption} />
        </View>
      )}
      {needs.includes('where') && (
        <TextBox label={where.label} value={draft.where} onInput={(v) => set({ where: v })} max={200} placeholder={where.placeholder} error={errors.where} />
      )}
      {kind === 'not_ours' && (
        <View data-testid="reply-right-body">
          <Field
            name="rightName"
            label="应向哪个机关申请（能确定的填写）"
            value={draft.rightName}
            onInput={(rightName) => set({ rightName })}
            maxlength={60}
            placeholder="如：广州市规划和自然资源局"
            error={errors['rightBody.name'] ?? errors.rightBody}
          />
          <Field
            name="rightContact"
            label="该机关的联系方式（选填）"
            value={draft.rightContact}
            onInput={(rightContact) => set({ rightContact })}
            maxlength={60}
            placeholder="如：020-12345678"
            error={errors['rightBody.contact']}
          />
        </View>
      )}
      {needs.includes('earlierAppNo') && (
        <Field
          name="earlierAppNo"
          label="此前已答复的申请编号"
          value={draft.earlierAppNo}
          onInput={(earlierAppNo) => set({ earlierAppNo: earlierAppNo.replace(/\s/g, '').toUpperCase() })}
          maxlength={16}
          placeholder="YX 开头的 16 位编号"
          error={errors.earlierAppNo}
        />
      )}
    </View>
  );
}

/** The body's kind-specific part: only what the kind needs, blanks left out (the schema then names what is missing). */
export function replyExtras(kind: ReplyKind, needs: readonly string[], d: ReplyDraft): Record<string, unknown> {
  const given = (v: string) => (v.trim() ? v : undefined);
  const out: Record<string, unknown> = {};
  if (needs.includes('files') && d.files.length) out.files = d.files.map((f) => f.fileId);
  if (needs.includes('where')) out.where = given(d.where);
  if (needs.includes('exemption')) out.exemption = d.exemption;
  if (needs.includes('withheld')) out.withheld = given(d.withheld);
  if (needs.includes('earlierAppNo')) out.earlierAppNo = given(d.earlierAppNo);
  if (kind === 'not_ours' && (d.rightName.trim() || d.rightContact.trim())) {
    out.rightBody = { name: d.rightName, ...(d.rightContact.trim() ? { contact: d.rightContact } : {}) };
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** The schema's paths of each draft field: its errors go once the officer changes it. */
const ERROR_PATHS: Record<keyof ReplyDraft, string> = {
  files: 'files',
  where: 'where',
  exemption: 'exemption',
  withheld: 'withheld',
  rightName: 'rightBody',
  rightContact: 'rightBody',
  earlierAppNo: 'earlierAppNo',
};
export const withoutErrorsOf =
  (patch: Partial<ReplyDraft>) =>
  (errors: Errors): Errors => {
    const gone = (Object.keys(patch) as (keyof ReplyDraft)[]).map((k) => ERROR_PATHS[k]);
    return Object.fromEntries(Object.entries(errors).filter(([k]) => !gone.some((g) => k === g || k.startsWith(`${g}.`))));
  };
