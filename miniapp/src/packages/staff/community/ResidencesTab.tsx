import { View } from '@tarojs/components';
import { useState } from 'react';
import { communityStaffApi, type ResidenceQueue } from '../../../api/deliberation';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { ListView } from '../../../components/ListView';
import { formatDateTime } from '../../../components/Timeline';
import { usePagedList } from '../../../hooks/usePagedList';
import { useRowAction } from '../../../hooks/useRowAction';

type Row = ResidenceQueue['items'][number];

/** 居民确认: declarations whose address the address data could not place; confirm, or refuse with a reason the person is told. */
export function ResidencesTab({ onChanged }: { onChanged: () => void }) {
  const list = usePagedList<ResidenceQueue>((cursor) => communityStaffApi.residences('pending', cursor), [], { key: (r) => r.userId });
  const [refusing, setRefusing] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const { busy, run } = useRowAction(onChanged, { onError: () => void list.refresh() });

  const decide = (r: Row, confirm: boolean) => {
    if (!confirm && reason.trim().length < 2) {
      setError('请写明原因（至少 2 个字），居民会收到通知');
      return;
    }
    void run(
      r.userId,
      async () => {
        await communityStaffApi.decide(r.userId, confirm ? { confirm } : { confirm, reason: reason.trim() });
        setRefusing(undefined);
        setReason('');
        list.setItems((items) => items.filter((x) => x.userId !== r.userId));
      },
      confirm ? '已确认' : '已告知居民',
    );
  };

  return (
    <ListView list={list} emptyText="没有待确认的居住登记。">
      <View className="muted sc-hint">地址与社区地址库相符的已自动确认；以下地址请核实是否为本社区（可电话或上门核实）。</View>
      {list.items.map((r) => (
        <View key={r.userId} className="sc-card" data-testid={`residence-${r.userId}`}>
          <View className="sc-title">{r.name}</View>
          <View>居住地址：{r.address}</View>
          <View className="muted">登记于 {formatDateTime(r.declaredAt)}</View>
          {refusing === r.userId ? (
            <View>
              <Field
                label="不予确认的原因"
                name="reason"
                value={reason}
                maxlength={100}
                placeholder="如：该地址不在本社区范围"
                error={error}
                onInput={setReason}
              />
              <View className="row sc-btns">
                <Button
                  className="btn sc-small"
                  disabled={busy === r.userId || undefined}
                  loading={busy === r.userId || undefined}
                  onClick={() => decide(r, false)}
                >
                  确认不予确认
                </Button>
                <Button className="btn btn-plain sc-small" onClick={() => setRefusing(undefined)}>
                  取消
                </Button>
              </View>
            </View>
          ) : (
            <View className="row sc-btns">
              <Button
                className="btn sc-small"
                data-testid={`confirm-${r.userId}`}
                aria-label={`确认 ${r.name} 为本社区居民`}
                disabled={busy === r.userId || undefined}
                loading={busy === r.userId || undefined}
                onClick={() => decide(r, true)}
              >
                确认
              </Button>
              <Button
                className="btn btn-plain sc-small"
                onClick={() => {
                  setRefusing(r.userId);
                  setError(undefined);
                }}
              >
                不予确认
              </Button>
            </View>
          )}
        </View>
      ))}
    </ListView>
  );
}
