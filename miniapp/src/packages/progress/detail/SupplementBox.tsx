import { View } from '@tarojs/components';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { pickAndUploadImage as pickAndUpload, type Uploaded, type UploadProgress as Progress } from '../../../api/upload';
import { formatDay } from '../../../components/Timeline';
import { useSubmit } from '../../../hooks/useSubmit';
import type { ActionProps } from './parts';
import { SendButton } from '../../../components/SendButton';
import { ErrorLine } from '../../../components/ErrorLine';
import { UploadProgress } from '../../../components/UploadProgress';
import { Button } from '../../../components/Button';

/** 补正: a photo for each material of the 一次性告知清单, then all of them at once. */
export function SupplementBox({ d, onDone, onError }: ActionProps) {
  const notice = d.supplementNotice!;
  const [files, setFiles] = useState<Record<string, Uploaded>>({});
  const [uploading, setUploading] = useState<string>(); // the material being uploaded
  const [progress, setProgress] = useState<Progress>(); // and how far it is
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy: submitting, send } = useSubmit(onError, (m) => setErrors({ form: m }));
  const busy = Boolean(uploading) || submitting;

  const upload = async (material: string) => {
    setUploading(material);
    setErrors((e) => ({ ...e, [material]: '', form: '' }));
    try {
      const up = await pickAndUpload(material, { onProgress: setProgress });
      if (up) setFiles((f) => ({ ...f, [material]: up }));
    } catch (e) {
      setErrors((x) => ({ ...x, [material]: asApiError(e).message }));
    } finally {
      setUploading(undefined);
      setProgress(undefined);
    }
  };

  const submit = async () => {
    const missing = notice.items.filter((i) => !files[i.material]).map((i) => i.material);
    if (missing.length) {
      setErrors((e) => ({ ...e, form: `请先上传：${missing.join('、')}` }));
      return;
    }
    setErrors({});
    await send(async () => {
      // keyed by the material name exactly as the notice lists it
      const answers = Object.fromEntries(notice.items.map((i) => [i.material, [{ kind: 'upload', fileId: files[i.material].fileId }]]));
      onDone(await api.supplement(d.appNo, answers), '补正已提交');
    });
  };

  return (
    <View className="dt-supp" data-testid="supplement">
      <View className="dt-box-title">一次性告知清单</View>
      <View className="muted">请按以下清单一次补齐，每项拍照或从相册选择清晰的照片（JPG、PNG，不超过 10 MB）。</View>
      {notice.dueDate && <View className="dt-due">请于 {formatDay(notice.dueDate)} 前补正</View>}
      {/* disabled/loading are passed as true or undefined: H5 renders false as disabled="false", which .btn[disabled] greys out */}
      {notice.items.map((i, n) => {
        const up = files[i.material];
        return (
          <View key={i.material} className="dt-supp-item" data-testid="supplement-item">
            <View className="dt-supp-name">
              {n + 1}. {i.material}
            </View>
            <View className="muted">原因：{i.reason}</View>
            {up && <View className="dt-supp-done">已上传：{up.fileName}</View>}
            <ErrorLine error={errors[i.material]} />
            <Button
              className={`btn ${up ? 'btn-plain' : ''} dt-supp-btn`}
              disabled={busy || undefined}
              loading={uploading === i.material || undefined}
              onClick={() => upload(i.material)}
              aria-label={`${up ? '重新上传' : '上传'}${i.material}`}
            >
              {up ? '重新上传' : '拍照或选择照片'}
            </Button>
            {uploading === i.material && <UploadProgress progress={progress} />}
          </View>
        );
      })}
      <SendButton className="btn dt-submit" error={errors.form} busy={submitting} disabled={busy} onClick={submit}>
        提交补正材料
      </SendButton>
    </View>
  );
}
