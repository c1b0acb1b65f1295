import { View } from '@tarojs/components';
import { useRef, useState, type ChangeEvent } from 'react';
import { asApiError } from '../../api/client';
import { checkPdf, choosePdfInWeChat, pdfFromFile, pdfProblem, type PickedPdf, type VerifyResult } from '../../api/documents';
import type { UploadProgress as Progress } from '../../api/upload';
import { SendButton } from '../../components/SendButton';
import { UploadProgress } from '../../components/UploadProgress';

/** WeChat picks a file from a chat; everywhere else (H5) a file input does, which a browser test can also fill. */
const IN_WECHAT = process.env.TARO_ENV === 'weapp';

/**
 * 上传证明文件核验: a PDF (≤ 300 KB) received from someone. What cannot be ours is refused before it is sent; the
 * rest goes straight to the store on a ticket and the API checks the seal and compares the file with the record.
 */
export function FileCheck({ onResult }: { onResult: (r: VerifyResult | undefined) => void }) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  /** Refused before anything is sent: not a PDF, or bigger than any certificate of ours. */
  const refused = (f: { size: number; name: string; type?: string }) => {
    const problem = pdfProblem(f);
    if (problem) {
      onResult(undefined);
      setError(problem);
    }
    return Boolean(problem);
  };

  const check = async (f: PickedPdf) => {
    if (refused(f)) {
      f.release?.();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onResult(await checkPdf(f, setProgress));
    } catch (e) {
      onResult(undefined);
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  const pick = async () => {
    if (busy) return;
    if (!IN_WECHAT) {
      input.current?.click();
      return;
    }
    const f = await choosePdfInWeChat();
    if (f) await check(f);
  };

  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file chosen again is a new check
    if (file && !refused(file)) void check(pdfFromFile(file));
  };

  return (
    <View className="section vf-upload">
      <View className="section-title">用文件核验</View>
      <View className="muted vf-hint">收到的是 PDF 文件？上传后检查电子印章，并核对文件是否被改动过。只能上传 PDF，不超过 300 KB。</View>
      {!IN_WECHAT && (
        <input
          ref={input}
          className="vf-file-input"
          type="file"
          accept="application/pdf,.pdf"
          aria-label="选择证明文件（PDF）"
          data-testid="verify-file"
          onChange={chosen}
        />
      )}
      <UploadProgress progress={progress} />
      <SendButton className="btn btn-plain vf-upload-btn" testId="verify-upload" error={error} errorTestId="verify-file-error" busy={busy} onClick={pick}>
        上传证明文件核验
      </SendButton>
    </View>
  );
}
