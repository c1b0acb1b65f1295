import { View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Uploaded } from '../../../api/upload';
import { formatDay } from '../../../components/Timeline';
import { useSubmit } from '../../../hooks/useSubmit';
import type { ActionProps } from './parts';
import { SendButton } from '../../../components/SendButton';
import { MaterialUpload } from '../../../components/MaterialUpload';

/** 补正: each material of the 一次性告知清单 as photos or PDFs, several pages each (issue 16), then all of them at once. */
export function SupplementBox({ d, onDone, onError }: ActionProps) {
  const notice = d.supplementNotice!;
  const [files, setFiles] = useState<Record<string, Uploaded[]>>({});
  const [uploading, setUploading] = useState<string>(); // the material being uploaded
  const [error, setError] = useState<string>();
  const { busy: submitting, send } = useSubmit(onError, setError);
  const busy = Boolean(uploading) || submitting;

  const submit = async () => {
    const missing = notice.items.filter((i) => !files[i.material]?.length).map((i) => i.material);
    if (missing.length) {
      setError(`请先上传：${missing.join('、')}`);
      return;
    }
    setError(undefined);
    await send(async () => {
      // keyed by the material name exactly as the notice lists it; every page of it, in order
      const answers = Object.fromEntries(notice.items.map((i) => [i.material, files[i.material].map((f) => ({ kind: 'upload', fileId: f.fileId }))]));
      onDone(await api.supplement(d.appNo, answers), '补正已提交');
    });
  };

  return (
    <View className="dt-supp" data-testid="supplement">
      <View className="dt-box-title">一次性告知清单</View>
      <View className="muted">请按以下清单一次补齐。每项可以拍照，也可以上传 PDF 文件；有几页就传几页。</View>
      {notice.dueDate && <View className="dt-due">请于 {formatDay(notice.dueDate)} 前补正</View>}
      {notice.items.map((i, n) => (
        <View key={i.material} className="dt-supp-item" data-testid="supplement-item">
          <View className="dt-supp-name">
            {n + 1}. {i.material}
          </View>
          <View className="muted">原因：{i.reason}</View>
          <MaterialUpload
            material={i.material}
            value={files[i.material] ?? []}
            onChange={(pages) => {
              setError(undefined);
              setFiles((f) => ({ ...f, [i.material]: pages }));
            }}
            disabled={submitting || (Boolean(uploading) && uploading !== i.material)}
            onUploading={(on) => setUploading(on ? i.material : undefined)}
          />
        </View>
      ))}
      <SendButton className="btn dt-submit" error={error} busy={submitting} disabled={busy} onClick={submit}>
        提交补正材料
      </SendButton>
    </View>
  );
}
