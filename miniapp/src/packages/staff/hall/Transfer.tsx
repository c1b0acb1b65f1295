import { View } from '@tarojs/components';
import { useState } from 'react';
import type { DeskView } from '../../../api/appointments';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';

/** The window a number goes to: one of the point's other windows, said with its area and whether anyone is there. */
export const windowLabel = (w: DeskView['windows'][number]) => `${w.no} 号窗口（${w.prefix} 字头${w.open ? '' : '，暂无人在岗'}）`;

/** 转窗口: choose one of the other windows, then 确认转出 (which asks once more). */
export function Transfer({
  desk,
  busy,
  onTransfer,
  onCancel,
}: {
  desk: DeskView;
  busy: boolean;
  onTransfer: (toWindow: number) => void;
  onCancel: () => void;
}) {
  const [to, setTo] = useState<string>();
  const others = desk.windows.filter((w) => w.no !== desk.window?.no);
  return (
    <View className="hd-transfer" data-testid="desk-transfer-panel">
      <View className="hd-transfer-title">把 {desk.current?.no} 转到哪个窗口？</View>
      {others.length > 0 ? (
        <Chips label="转到的窗口" options={others.map((w) => ({ value: String(w.no), label: windowLabel(w) }))} value={to} onChange={setTo} />
      ) : (
        <View className="muted">本大厅没有其他窗口可转</View>
      )}
      <View className="hd-transfer-actions">
        <Button className="btn hd-transfer-go" data-testid="desk-transfer-go" disabled={busy || !to || undefined} onClick={() => to && onTransfer(Number(to))}>
          确认转出
        </Button>
        <Button className="btn btn-plain hd-transfer-cancel" disabled={busy || undefined} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
