import { Text, View } from '@tarojs/components';
import { PUBLICATION_LIMITS } from '@yx/shared';
import { useRef, useState, type ChangeEvent } from 'react';
import { asApiError } from '../../../../api/client';
import { pdfFromFile, pdfProblem, pickAndUploadPdf, uploadPdf, uploadProgressText, type Uploaded, type UploadProgress } from '../../../../api/upload';
import { Button } from '../../../../components/Button';
import { ErrorLine } from '../../../../components/ErrorLine';

/**
 * 附件: PDFs only, at most ten, each sent as it is through the files API (the server checks the bytes really are a PDF).
 * In WeChat a PDF comes from a chat; in the browser from a file dialog. 删除 takes one off (the file stays unused, and the
 * daily sweep deletes it).
 */
export function PdfAttachments({
  value,
  onChange,
  onUploading,
  error,
}: {
  value: Uploaded[];
  onChange: (files: Uploaded[]) => void;
  onUploading: (busy: boolean) => void;
  error?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<UploadProgress>();
  const [failed, setFailed] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;
  const wechat = process.env.TARO_ENV === 'weapp';
  const full = value.length >= PUBLICATION_LIMITS.attachments;

  const run = async (work: () => Promise<Uploaded | undefined>) => {
    setBusy(true);
    onUploading(true);
    setFailed(undefined);
    try {
      const up = await work();
      if (up) onChange([...latest.current, up]);
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setBusy(false);
      setProgress(undefined);
      onUploading(false);
    }
  };
  const pick = () => {
    if (wechat) void run(() => pickAndUploadPdf('附件', { onProgress: setProgress }));
    else input.current?.click(); // opened in the tap itself: browsers open a file dialog only then
  };
  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const problem = pdfProblem(file);
    if (problem) {
      setFailed(problem);
      return;
    }
    void run(() => uploadPdf(pdfFromFile(file), '附件', { onProgress: setProgress }));
  };

  return (
    <View className="section" data-testid="pe-attachments">
      <View className="section-title">
        附件（PDF，{value.length}/{PUBLICATION_LIMITS.attachments}）
      </View>
      {value.map((f, i) => (
        <View key={f.fileId} className="pe-file" data-testid="pe-file">
          <Text className="pe-file-icon" aria-hidden>
            PDF
          </Text>
          <Text className="pe-file-name">{f.fileName}</Text>
          <View
            className="tap pe-file-remove"
            role="button"
            aria-label={`删除附件 ${f.fileName}`}
            aria-disabled={busy || undefined}
            onClick={() => !busy && onChange(latest.current.filter((_, j) => j !== i))}
          >
            删除
          </View>
        </View>
      ))}
      {!full && (
        <Button
          className="btn btn-plain pe-file-add"
          disabled={busy || undefined}
          loading={busy || undefined}
          aria-label="添加 PDF 附件"
          data-testid="pe-file-add"
          onClick={pick}
        >
          {wechat ? '从聊天记录选PDF' : '选择PDF文件'}
        </Button>
      )}
      <View className="muted">只能上传 PDF，每个不超过 10 MB；居民可直接打开和下载。</View>
      {!wechat && (
        <input
          ref={input}
          className="pe-file-input"
          type="file"
          accept="application/pdf,.pdf"
          aria-label="PDF 附件"
          data-testid="pe-pdf-input"
          onChange={chosen}
        />
      )}
      {progress && <View className="muted">{uploadProgressText(progress)}</View>}
      <ErrorLine error={failed ?? error} />
    </View>
  );
}
