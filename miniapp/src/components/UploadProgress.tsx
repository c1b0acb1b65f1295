import { Text, View } from '@tarojs/components';
import { uploadProgressText, type UploadProgress as Progress } from '../api/upload';
import './UploadProgress.css';

/**
 * Where a photo's upload is (issue 14: a big photo took seconds with nothing on screen): 正在压缩… while the phone
 * shrinks it, then 正在上传 45% over a thin bar. Nothing when no upload is running.
 */
export function UploadProgress({ progress }: { progress?: Progress }) {
  if (!progress) return null;
  const percent = progress.stage === 'uploading' ? progress.percent : 0;
  return (
    <View className="upload-progress" role="status" aria-live="polite" data-testid="upload-progress">
      <Text className="up-text">{uploadProgressText(progress)}</Text>
      <View
        className={`up-bar ${progress.stage}`}
        role="progressbar"
        aria-label={progress.stage === 'compressing' ? '正在压缩照片' : '上传进度'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.stage === 'uploading' ? percent : undefined}
      >
        <View className="up-fill" style={{ width: progress.stage === 'uploading' ? `${percent}%` : undefined }} />
      </View>
    </View>
  );
}
