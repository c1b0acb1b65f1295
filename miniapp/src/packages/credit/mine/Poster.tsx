import { View } from '@tarojs/components';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { myCreditApi, type Poster as PosterView } from '../../../api/credit';
import { confirmStep } from '../../../components/confirmStep';
import { MaterialFiles } from '../../../components/MaterialFiles';
import { QrCode } from '../../../components/QrCode';
import { SendButton } from '../../../components/SendButton';

/** 信用码公示牌: the QR customers scan in the shop (the firm's credit profile and the rating form), and its PDF to print. */
export function Poster({ firmName }: { firmName: string }) {
  const [poster, setPoster] = useState<PosterView>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();
  const make = async () => {
    // each poster is a new version: the one on the shop's wall stops proving a visit
    if (!(await confirmStep('生成信用码公示牌', '生成新的公示牌后，店内张贴的旧公示牌将不能再用于评价，请及时打印更换。确定生成？', '生成'))) return;
    setBusy(true);
    setFailed(undefined);
    try {
      setPoster(await myCreditApi.poster());
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="section" data-testid="poster">
      <View className="section-title">信用码公示牌</View>
      <View className="muted fc-note">张贴在店内显眼位置，顾客扫码即可查看本店信用档案并评价。每次生成都是新版本，旧版信用码随即不能用于评价。</View>
      {poster ? (
        <View className="fc-poster" data-testid="poster-qr">
          <QrCode text={poster.scanUrl} size={360} label={`${firmName}的信用码`} />
          <View className="muted">第 {poster.version} 版信用码（PDF 链接很快失效，请及时下载打印）</View>
          {poster.url ? (
            <MaterialFiles files={[{ fileId: 'poster', fileName: '信用码公示牌.pdf', contentType: 'application/pdf', url: poster.url }]} />
          ) : (
            <View className="muted">公示牌 PDF 正在准备，可先截图保存上面的信用码。</View>
          )}
        </View>
      ) : (
        <SendButton className="btn" testId="poster-btn" error={failed} busy={busy} onClick={() => void make()}>
          信用码公示牌
        </SendButton>
      )}
    </View>
  );
}
