import { View } from '@tarojs/components';
import { useState } from 'react';
import { hallApi } from '../../../api/appointments';
import { Button } from '../../../components/Button';
import { QrCode } from '../../../components/QrCode';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';

/**
 * What the check-in QR holds: the page a phone opens, as an address of the H5 build (hash router) when the desk runs
 * in a browser; in the mini-program, the path alone.
 */
export function checkInUrl(path: string): string {
  const origin = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? window.location.origin : '';
  return `${origin}/#${path.startsWith('/') ? path : `/${path}`}`;
}

function CodePanel({ pointId, pointName }: { pointId: string; pointName: string }) {
  const code = useAsync(() => hallApi.checkInCode(pointId), [pointId]);
  return (
    <StateView loading={code.loading && !code.data} error={code.data ? undefined : code.error} onRetry={code.reload}>
      {code.data && (
        <View className="hd-qr-panel" data-testid="desk-qr-panel">
          <View className="hd-qr-title">{pointName} · 今日签到二维码</View>
          <QrCode text={checkInUrl(code.data.path)} size={480} label={`${pointName}今日签到二维码`} />
          <View className="hd-qr-code" data-testid="desk-qr-code">
            签到码 {code.data.code} · {code.data.date} 当天有效
          </View>
          <View className="muted">群众到大厅后用手机扫这个码，即可签到取号（有预约的优先叫号）。可打印张贴，或在叫号屏旁展示。</View>
        </View>
      )}
    </StateView>
  );
}

/** 签到二维码: the point's check-in code of the day, shown on demand. */
export function CheckInQr({ pointId, pointName }: { pointId: string; pointName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="section hd-qr">
      <Button className="btn btn-plain" data-testid="desk-qr" onClick={() => setOpen(!open)}>
        {open ? '收起签到二维码' : '签到二维码'}
      </Button>
      {open && <CodePanel pointId={pointId} pointName={pointName} />}
    </View>
  );
}
