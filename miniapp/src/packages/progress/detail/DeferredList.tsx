import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { DEFERRAL_WORKING_DAYS, OPEN_STATES, type ApplicationDetail } from '@yx/shared';
import { api, asApiError } from '../../../api/client';
import { pickAndUploadImage, type Uploaded, type UploadProgress as Progress } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { ErrorLine } from '../../../components/ErrorLine';
import { SendButton } from '../../../components/SendButton';
import { formatDay } from '../../../components/Timeline';
import { UploadProgress } from '../../../components/UploadProgress';
import { useSubmit } from '../../../hooks/useSubmit';
import type { ActionProps } from './parts';

type Deferred = ApplicationDetail['deferred'][number];

/** 还剩 3 个工作日 / 今天截止 — the countdown the server counted on the working-day calendar. */
export function countdownText(m: Deferred): string {
  if (m.workingDaysLeft === undefined) return '';
  return m.workingDaysLeft === 0 ? '今天截止' : `还剩 ${m.workingDaysLeft} 个工作日`;
}

/** The state of one material, as a tag: 已补交 / 已转补正 / 待补交. */
function tagOf(m: Deferred): { cls: string; text: string } {
  if (m.handedIn) return { cls: 'tag-green', text: '已补交' };
  if (m.late) return { cls: 'tag-red', text: '已转补正' };
  return { cls: (m.workingDaysLeft ?? 0) <= 3 ? 'tag-red' : 'tag-orange', text: '待补交' };
}

/**
 * 容缺材料: each with its due date and a countdown bar in working days; while the case is open the firm hands in
 * the photos of what it deferred, one or several at once. A late one has turned into 补正 (the notice above).
 */
export function DeferredList({ d, onDone, onError }: ActionProps) {
  const canHandIn = OPEN_STATES.includes(d.state) || d.state === 'supplement';
  const open = canHandIn ? d.deferred.filter((m) => !m.handedIn && !m.late) : [];
  const [files, setFiles] = useState<Record<string, Uploaded>>({});
  const [uploading, setUploading] = useState<string>();
  const [progress, setProgress] = useState<Progress>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy: sending, send } = useSubmit(onError, (m) => setErrors({ form: m }));
  const busy = Boolean(uploading) || sending;
  const ready = open.filter((m) => files[m.name]);

  const upload = async (material: string) => {
    setUploading(material);
    setErrors((e) => ({ ...e, [material]: '', form: '' }));
    try {
      const up = await pickAndUploadImage(material, { onProgress: setProgress });
      if (up) setFiles((f) => ({ ...f, [material]: up }));
    } catch (e) {
      setErrors((x) => ({ ...x, [material]: asApiError(e).message }));
    } finally {
      setUploading(undefined);
      setProgress(undefined);
    }
  };

  const submit = async () => {
    if (!ready.length) {
      setErrors({ form: '请先上传要补交的材料' });
      return;
    }
    await send(async () => {
      const answers = Object.fromEntries(ready.map((m) => [m.name, [{ kind: 'upload', fileId: files[m.name].fileId }]]));
      const next = await api.handInDeferred(d.appNo, answers);
      setFiles({});
      onDone(next, `已补交 ${ready.length} 项容缺材料`);
    });
  };

  return (
    <View className="section" data-testid="deferred-list">
      <View className="section-title">容缺材料</View>
      <View className="muted">容缺受理时承诺后补交的材料，请在期限内补交，逾期将转为补正：</View>
      {d.deferred.map((m) => {
        const tag = tagOf(m);
        const counting = m.workingDaysLeft !== undefined && !m.handedIn && !m.late;
        const share = counting ? Math.max(0, Math.min(1, (m.workingDaysLeft ?? 0) / DEFERRAL_WORKING_DAYS)) : 0;
        const up = files[m.name];
        return (
          <View key={m.name} className="dt-deferred" data-testid="deferred">
            <View className="dt-row">
              <View>
                <View className="dt-row-name">{m.name}</View>
                <View className="muted">请于 {formatDay(m.dueDate)} 前补交</View>
              </View>
              <Text className={`tag ${tag.cls}`}>{tag.text}</Text>
            </View>
            {counting && (
              <View className="dt-countdown" data-testid="deferred-countdown" aria-label={`${m.name}：${countdownText(m)}`}>
                <View className="dt-countdown-bar">
                  <View className={`dt-countdown-left ${share <= 0.3 ? 'is-short' : ''}`} style={{ width: `${Math.round(share * 100)}%` }} />
                </View>
                <Text className={`dt-countdown-text ${share <= 0.3 ? 'is-short' : ''}`}>{countdownText(m)}</Text>
              </View>
            )}
            {open.includes(m) && (
              <View className="dt-handin">
                {up && <View className="dt-supp-done">已上传：{up.fileName}</View>}
                <ErrorLine error={errors[m.name]} />
                <Button
                  className={`btn ${up ? 'btn-plain' : ''} dt-supp-btn`}
                  disabled={busy || undefined}
                  loading={uploading === m.name || undefined}
                  onClick={() => upload(m.name)}
                  aria-label={`${up ? '重新上传' : '上传'}${m.name}`}
                >
                  {up ? '重新上传' : '拍照或选择照片'}
                </Button>
                {uploading === m.name && <UploadProgress progress={progress} />}
              </View>
            )}
          </View>
        );
      })}
      {open.length > 0 && (
        <SendButton className="btn dt-submit" error={errors.form} busy={sending} disabled={busy} onClick={submit}>
          {ready.length ? `补交 ${ready.length} 项材料` : '补交容缺材料'}
        </SendButton>
      )}
    </View>
  );
}
