import { Text, View } from '@tarojs/components';
import { FILES_MAX } from '@yx/shared';
import { useRef, useState, type ChangeEvent } from 'react';
import { asApiError } from '../api/client';
import {
  isPdfName,
  pdfFromFile,
  pdfProblem,
  pickAndUploadImage,
  pickAndUploadPdf,
  uploadPdf,
  type Uploaded,
  type UploadProgress as Progress,
} from '../api/upload';
import { Button } from './Button';
import { ErrorLine } from './ErrorLine';
import { UploadProgress } from './UploadProgress';
import './MaterialUpload.css';

/** The most pages one material takes (photos and PDFs together): what the API accepts for a file field. */
export const MATERIAL_PAGES_MAX = FILES_MAX;

type Slot = { at: 'end' } | { at: 'replace'; index: number };

export interface MaterialUploadProps {
  /** The material's name: names a photo the picker gives no name, and every control for screen readers. */
  material: string;
  /** The pages uploaded so far, in order. */
  value: Uploaded[];
  /** The pages after an upload, a replacement or a removal (worked out from the latest `value`). */
  onChange: (files: Uploaded[]) => void;
  /** At most this many pages (fewer when e-licences fill part of the field). */
  max?: number;
  disabled?: boolean;
  /** A message from the page (e.g. 请上传…); an upload's own failure shows instead. */
  error?: string;
  /** Told when an upload starts and ends, so a page can hold its submit meanwhile. */
  onUploading?: (uploading: boolean) => void;
  /** PDFs only, no photos (an officer's attachments, e.g. the information given with a 依申请公开 reply). */
  pdfOnly?: boolean;
}

/**
 * One material's files (issue 16): a list of pages — 第1页 with the file's name, 重新上传 and 删除 — then 拍照/上传照片 and
 * 选择PDF文件 (从聊天记录选PDF in WeChat) while there is room, at most `max` pages, said on screen. Photos are shrunk and
 * uploaded at once (pickAndUploadImage), PDFs go as they are (uploadPdf); 正在上传 45% under the buttons meanwhile.
 * Controlled: `value` in, `onChange(files)` out.
 */
export function MaterialUpload({ material, value, onChange, max = MATERIAL_PAGES_MAX, disabled, error, onUploading, pdfOnly }: MaterialUploadProps) {
  const [busy, setBusy] = useState<Slot>();
  const [failed, setFailed] = useState<string>();
  const [progress, setProgress] = useState<Progress>();
  const input = useRef<HTMLInputElement>(null);
  const pdfSlot = useRef<Slot>({ at: 'end' }); // where a PDF chosen in the browser's file dialog goes
  // an upload ends seconds after the tap: what it adds to is the latest list, not the one of the tap
  const latest = useRef(value);
  latest.current = value;
  const room = Math.max(0, max);
  // in WeChat a PDF comes from a chat (chooseMessageFile); Taro's H5 has none, so a file input picks it there (the build
  // writes the constant in, so each build keeps only its own way)
  const wechat = process.env.TARO_ENV === 'weapp';

  const put = (slot: Slot, up: Uploaded) => {
    const files = latest.current;
    if (slot.at === 'replace' && slot.index < files.length) onChange(files.map((f, i) => (i === slot.index ? up : f)));
    else if (files.length < room) onChange([...files, up]);
  };

  const run = async (slot: Slot, work: () => Promise<Uploaded | undefined>) => {
    setBusy(slot);
    onUploading?.(true);
    setFailed(undefined);
    try {
      const up = await work();
      if (up) put(slot, up);
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setBusy(undefined);
      setProgress(undefined);
      onUploading?.(false);
    }
  };

  const photo = (slot: Slot) => run(slot, () => pickAndUploadImage(material, { onProgress: setProgress }));
  const pdf = (slot: Slot) => {
    if (wechat) {
      void run(slot, () => pickAndUploadPdf(material, { onProgress: setProgress }));
      return;
    }
    pdfSlot.current = slot;
    input.current?.click(); // opened in the tap itself: browsers open a file dialog only then
  };
  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file chosen again is a new choice
    if (!file) return;
    const problem = pdfProblem(file);
    if (problem) {
      setFailed(problem);
      return;
    }
    void run(pdfSlot.current, () => uploadPdf(pdfFromFile(file), material, { onProgress: setProgress }));
  };

  const remove = (index: number) => {
    setFailed(undefined);
    onChange(latest.current.filter((_, i) => i !== index));
  };

  const locked = Boolean(busy) || disabled;
  const full = value.length >= room;
  const pdfText = wechat ? '从聊天记录选PDF' : '选择PDF文件';
  return (
    <View className="material-upload" data-testid="material-upload">
      {value.length > 0 && (
        <View className="mu-pages">
          {value.map((f, i) => {
            const page = `第${i + 1}页`;
            const isPdf = isPdfName(f.fileName);
            return (
              <View key={f.fileId} className="mu-page" data-testid="material-page">
                <Text className="mu-page-no">{page}</Text>
                <Text className="mu-page-icon" aria-hidden>
                  {isPdf ? 'PDF' : '图片'}
                </Text>
                <Text className="mu-page-name">{f.fileName}</Text>
                <View
                  className="tap mu-action"
                  role="button"
                  aria-label={`重新上传${material}${page}`}
                  aria-disabled={locked || undefined}
                  onClick={() => !locked && (isPdf ? pdf({ at: 'replace', index: i }) : photo({ at: 'replace', index: i }))}
                >
                  重新上传
                </View>
                <View
                  className="tap mu-action mu-remove"
                  role="button"
                  aria-label={`删除${material}${page}`}
                  aria-disabled={locked || undefined}
                  onClick={() => !locked && remove(i)}
                >
                  删除
                </View>
              </View>
            );
          })}
        </View>
      )}
      <View className="muted mu-note">
        {value.length > 0 ? `已上传 ${value.length} 页，` : ''}
        {full
          ? `已到 ${room} ${pdfOnly ? '个文件' : '页'}上限，要换哪一${pdfOnly ? '个' : '页'}请点“重新上传”`
          : pdfOnly
            ? `只能上传 PDF 文件，最多 ${room} 个，每个不超过 10 MB`
            : `照片或 PDF 都可以，一份材料最多 ${room} 页，每个文件不超过 10 MB`}
      </View>
      {!full && (
        <View className="mu-buttons">
          {/* disabled/loading as true or undefined: H5 renders false as disabled="false", which .btn[disabled] greys out */}
          {!pdfOnly && (
            <Button
              className="btn btn-plain mu-add"
              disabled={locked || undefined}
              loading={busy?.at === 'end' || undefined}
              aria-label={`上传${material}：拍照/上传照片`}
              onClick={() => photo({ at: 'end' })}
            >
              拍照/上传照片
            </Button>
          )}
          <Button
            className="btn btn-plain mu-add"
            disabled={locked || undefined}
            loading={(pdfOnly && busy?.at === 'end') || undefined}
            aria-label={`${material}：${pdfText}`}
            onClick={() => pdf({ at: 'end' })}
          >
            {pdfText}
          </Button>
        </View>
      )}
      {!wechat && (
        <input
          ref={input}
          className="mu-file-input"
          type="file"
          accept="application/pdf,.pdf"
          aria-label={`${material}：PDF 文件`}
          data-testid="material-pdf-input"
          onChange={chosen}
        />
      )}
      <UploadProgress progress={progress} />
      <ErrorLine error={failed ?? error} />
    </View>
  );
}
