import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { DEFERRAL_WORKING_DAYS, OPEN_STATES, type ApplicationDetail } from '@yx/shared';
import { api } from '../../../api/client';
import type { Uploaded } from '../../../api/upload';
import { MaterialUpload } from '../../../components/MaterialUpload';
import { SendButton } from '../../../components/SendButton';
import { formatDay } from '../../../components/Timeline';
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
  const [files, setFiles] = useState<Record<string, Uploaded[]>>({});
  const [uploading, setUploading] = useState<string>(); // the material being uploaded
  const [error, setError] = useState<string>();
  const { busy: sending, send } = useSubmit(onError, setError);
  const busy = Boolean(uploading) || sending;
  const ready = open.filter((m) => files[m.name]?.length);

  const submit = async () => {
    if (!ready.length) {
      setError('请先上传要补交的材料');
      return;
    }
    setError(undefined);
    await send(async () => {
      // keyed by the material name; every page of it, in order
      const answers = Object.fromEntries(ready.map((m) => [m.name, files[m.name].map((f) => ({ kind: 'upload', fileId: f.fileId }))]));
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
              <MaterialUpload
                material={m.name}
                value={files[m.name] ?? []}
                onChange={(pages) => {
                  setError(undefined);
                  setFiles((f) => ({ ...f, [m.name]: pages }));
                }}
                disabled={sending || (Boolean(uploading) && uploading !== m.name)}
                onUploading={(on) => setUploading(on ? m.name : undefined)}
              />
            )}
          </View>
        );
      })}
      {open.length > 0 && (
        <SendButton className="btn dt-submit" error={error} busy={sending} disabled={busy} onClick={submit}>
          {ready.length ? `补交 ${ready.length} 项材料` : '补交容缺材料'}
        </SendButton>
      )}
    </View>
  );
}
