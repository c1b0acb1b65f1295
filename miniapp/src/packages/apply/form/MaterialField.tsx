import { Text, View } from '@tarojs/components';
import { FILES_MAX, type FieldDef, type FileRef } from '@yx/shared';
import type { LicenceView } from '../../../api/client';
import type { Uploaded } from '../../../api/upload';
import { ErrorLine } from '../../../components/ErrorLine';
import { MaterialUpload } from '../../../components/MaterialUpload';

type LicenceRef = Extract<FileRef, { kind: 'elicence' }>;
type UploadRef = Extract<FileRef, { kind: 'upload' }>;

/** The uploaded pages of a file field's answer, in order, with the names the draft keeps. */
export function pagesOf(refs: FileRef[], names: Record<string, string>): Uploaded[] {
  return refs.filter((r): r is UploadRef => r.kind === 'upload').map((r) => ({ fileId: r.fileId, fileName: names[r.fileId] ?? '已上传的文件' }));
}

/** A file field's answer with these pages: its e-licences kept first, then the pages in their order. */
export function withPages(refs: FileRef[], pages: Uploaded[]): FileRef[] {
  return [...refs.filter((r) => r.kind === 'elicence'), ...pages.map((p): FileRef => ({ kind: 'upload', fileId: p.fileId }))].slice(0, FILES_MAX);
}

/**
 * One material of the form (issue 16): e-licences from the wallet (用电子证照), and the material's pages — photos or
 * PDFs, several of them (MaterialUpload). A deferred (容缺) material shows only that it is promised for later.
 */
export function MaterialField({
  field,
  value,
  error,
  licences,
  names,
  deferred,
  onUseLicence,
  onRemoveLicence,
  onPages,
}: {
  field: FieldDef;
  value: unknown;
  error?: string;
  licences: LicenceView[];
  names: Record<string, string>;
  deferred: boolean;
  onUseLicence: (l: LicenceView) => void;
  onRemoveLicence: (licenceId: string) => void;
  onPages: (pages: Uploaded[]) => void;
}) {
  const refs = (Array.isArray(value) ? value : []) as FileRef[];
  const used = refs.filter((r): r is LicenceRef => r.kind === 'elicence');
  return (
    <View className={`field apply-file ${deferred ? 'deferred' : ''}`} data-field={field.key}>
      <View className="field-label">
        {field.label}
        {field.required ? <Text className="apply-required"> *</Text> : <Text className="muted">（选填）</Text>}
      </View>
      {field.help && <View className="muted apply-help">{field.help}</View>}
      {deferred ? (
        <View>
          <View className="tag tag-orange">容缺：承诺后补交</View>
          <ErrorLine error={error} />
        </View>
      ) : (
        <View>
          {used.map((r) => (
            <View key={r.licenceId} className="apply-file-item">
              <Text className="tag tag-green">电子证照</Text>
              <Text className="apply-file-name">{names[r.licenceId] ?? '电子证照'}</Text>
              <View
                className="tap apply-file-remove"
                role="button"
                aria-label={`移除电子证照 ${names[r.licenceId] ?? ''}`}
                onClick={() => onRemoveLicence(r.licenceId)}
              >
                移除
              </View>
            </View>
          ))}
          {licences.length > 0 && (
            <View className="apply-file-actions">
              {licences.map((l) => (
                <View key={l.id} className="apply-file-btn licence" onClick={() => onUseLicence(l)} role="button">
                  用电子证照：{l.name}
                </View>
              ))}
            </View>
          )}
          <MaterialUpload material={field.label} value={pagesOf(refs, names)} onChange={onPages} max={FILES_MAX - used.length} error={error} />
        </View>
      )}
    </View>
  );
}
