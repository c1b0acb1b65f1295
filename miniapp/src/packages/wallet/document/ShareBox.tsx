import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { documentsApi, type ShareDays, type ShareLink } from '../../../api/documents';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { SendButton } from '../../../components/SendButton';
import { formatDateTime } from '../../../components/Timeline';
import { useSubmit } from '../../../hooks/useSubmit';

const DAYS = [
  { value: '1', label: '1 天' },
  { value: '7', label: '7 天' },
  { value: '30', label: '30 天' },
] as const;
type Days = (typeof DAYS)[number]['value'];

/** 分享核验链接: for how long (1, 7 or 30 days), then the link to copy; whoever opens it sees the verification, no login. */
export function ShareBox({ serial }: { serial: string }) {
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState<Days>('7');
  const [link, setLink] = useState<ShareLink>();
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit((e) => asApiError(e).message, setError);

  const make = async () => {
    setError(undefined);
    await send(async () => setLink(await documentsApi.share(serial, Number(days) as ShareDays)));
  };
  const copy = async () => {
    if (!link) return;
    try {
      await Taro.setClipboardData({ data: link.url });
      Taro.showToast({ title: '已复制', icon: 'success' });
    } catch {
      Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' });
    }
  };

  if (!open) {
    return (
      <Button className="btn btn-plain wd-share-btn" data-testid="doc-share" onClick={() => setOpen(true)}>
        分享核验链接
      </Button>
    );
  }
  return (
    <View className="section wd-share" data-testid="doc-share-box">
      <View className="section-title">分享核验链接</View>
      <View className="muted">对方打开链接即可看到核验结果（证明对象姓名已隐去部分），无需登录。链接有效期：</View>
      <Chips
        label="链接有效期"
        options={[...DAYS]}
        value={days}
        onChange={(v) => {
          setDays(v);
          setLink(undefined);
        }}
      />
      {link ? (
        <View className="wd-link">
          <Text className="wd-link-url" data-testid="doc-share-url" selectable userSelect>
            {link.url}
          </Text>
          <View className="muted">{formatDateTime(link.expiresAt)} 前有效</View>
          <Button className="btn wd-copy" data-testid="doc-share-copy" onClick={copy}>
            复制链接
          </Button>
        </View>
      ) : (
        <SendButton className="btn wd-make" testId="doc-share-make" error={error} busy={busy} onClick={make}>
          生成链接
        </SendButton>
      )}
    </View>
  );
}
