import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { StaffTask } from '@yx/shared';
import { useCallback, useEffect, useState } from 'react';
import { asApiError } from '../../../api/client';
import { staffApi } from '../../../api/staff';
import { ErrorLine } from '../../../components/ErrorLine';
import { formatDate } from '../../../components/Timeline';
import { openStaffApplication } from '../pages';

/**
 * 待我处理: applications whose 补正 came back to me (I asked for it), oldest first, above the department's queue.
 * Nothing shows while there are none; they leave the list once anyone acts on the application.
 */
export function MyTasks() {
  const [s, setS] = useState<{ items?: StaffTask[]; error?: string }>({});
  const load = useCallback(() => {
    staffApi.tasks().then(
      (r) => setS({ items: r.items }),
      (e) => setS((x) => ({ ...x, error: asApiError(e).message })),
    );
  }, []);
  useEffect(load, [load]);
  useDidShow(load); // back from the application: it may have been handled

  if (s.error && !s.items) return <ErrorLine error={`待我处理：${s.error}`} />;
  if (!s.items?.length) return null;
  return (
    <View className="sq-tasks" data-testid="my-tasks" aria-label="待我处理">
      <View className="sq-tasks-title">
        待我处理 <Text className="sq-tasks-num">{s.items.length}</Text>
        <Text className="muted"> · 申请人已补正，退回您继续办理</Text>
      </View>
      {s.items.map((t) => (
        <View key={t.appNo} className="sq-task" role="link" onClick={() => openStaffApplication(t.appNo)} data-testid="my-task">
          <View className="sq-task-name">{t.itemName}</View>
          <View className="muted">
            {t.note} · {formatDate(t.at)}
          </View>
          <View className="muted">办件编号 {t.appNo}</View>
        </View>
      ))}
    </View>
  );
}
