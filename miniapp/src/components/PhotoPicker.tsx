import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { asApiError } from '../api/client';
import { pickAndUploadImage, type Uploaded, type UploadProgress as Progress } from '../api/upload';
import { ErrorLine } from './ErrorLine';
import { UploadProgress } from './UploadProgress';
import './PhotoPicker.css';
import { Button } from './Button';

/**
 * Attached photos, one line each with 删除, and 拍照或选择照片 while there is room: each picked photo
 * is shrunk and uploaded at once (pickAndUploadImage), 正在压缩… / 正在上传 45% under the button meanwhile.
 * `onChange` gets an updater, so a page can pass its state setter straight in. `dense` is the tighter look inside a detail page's panels.
 */
export function PhotoPicker({
  photos,
  onChange,
  material,
  dense,
  max = 9,
  disabled,
  error,
  testId = 'photo',
  onUploading,
}: {
  photos: Uploaded[];
  onChange: (update: (prev: Uploaded[]) => Uploaded[]) => void;
  /** Names the file when the picker gives none, e.g. 办结照片. */
  material: string;
  dense?: boolean;
  max?: number;
  disabled?: boolean;
  /** A message from the page (e.g. the server's about the photos); an upload failure shows instead. */
  error?: string;
  testId?: string;
  onUploading?: (uploading: boolean) => void;
}) {
  const [uploading, setUploading] = useState(false);
  const [failed, setFailed] = useState<string>();
  const [progress, setProgress] = useState<Progress>();

  const add = async () => {
    setUploading(true);
    onUploading?.(true);
    setFailed(undefined);
    try {
      const up = await pickAndUploadImage(material, { onProgress: setProgress });
      if (up) onChange((prev) => [...prev, up].slice(0, max));
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setUploading(false);
      setProgress(undefined);
      onUploading?.(false);
    }
  };

  const message = failed ?? error;
  return (
    <View className={`photo-picker ${dense ? 'dense' : ''}`}>
      {photos.map((p) => (
        <View key={p.fileId} className="pp-photo" data-testid={testId}>
          <Text className="pp-name">{p.fileName}</Text>
          <View
            className="pp-remove"
            role="button"
            aria-label={`删除照片 ${p.fileName}`}
            onClick={() => {
              setFailed(undefined);
              onChange((prev) => prev.filter((x) => x.fileId !== p.fileId));
            }}
          >
            删除
          </View>
        </View>
      ))}
      {photos.length < max && (
        <Button className="btn btn-plain pp-add" disabled={uploading || disabled || undefined} loading={uploading || undefined} onClick={add}>
          拍照或选择照片
        </Button>
      )}
      <UploadProgress progress={progress} />
      <ErrorLine error={message} />
    </View>
  );
}
