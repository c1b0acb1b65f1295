import type { LicenceUseView } from '@yx/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DOCUMENT_STATUS, documentsApi, openDocument, pastValidity, type DocumentView } from '../../api/documents';
import { ListView } from '../../components/ListView';
import { Page } from '../../components/Page';
import { RoleGate } from '../../components/RoleGate';
import { formatDate, formatDay } from '../../components/Timeline';
import { useAsync } from '../../hooks/useAsync';
import { usePagedList } from '../../hooks/usePagedList';
import './index.css';

const newestFirst = (a: DocumentView, b: DocumentView) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0);

/** 证照夹: the sealed certificates and notices issued to me (tap one for its PDF, QR and uses), and my e-licences. */
export default function Wallet() {
  return (
    <Page className="wl">
      <RoleGate
        roles={['resident', 'enterprise']}
        what="证照夹"
        loginText="登录后查看您的电子证明和电子证照"
        loginExtra={
          <View className="muted tap wl-verify" role="link" onClick={() => Taro.navigateTo({ url: '/packages/verify/index' })}>
            要核验别人给您的证明？不用登录，去核验 ›
          </View>
        }
        deniedNote={() => '证照夹存放居民和企业办事取得的电子证明。'}
      >
        <WalletBody />
      </RoleGate>
    </Page>
  );
}

function WalletBody() {
  const docs = usePagedList(() => documentsApi.mine(), [], { sort: newestFirst, key: (d) => d.serial });
  const licences = useAsync(() => documentsApi.licences(), []);
  return (
    <>
      <View className="wl-head">
        <View className="section-title">电子证明与文书</View>
        <View className="muted">部门出具的证明加盖电子印章，可下载 PDF，也可分享链接给他人核验。</View>
      </View>
      <ListView list={docs} emptyText="还没有电子证明。在线开具证明后会自动放进证照夹">
        {docs.items.map((d) => {
          const status = DOCUMENT_STATUS[d.status];
          const past = d.status === 'valid' && pastValidity(d);
          return (
            <View key={d.serial} className="card tap wl-card" role="link" onClick={() => openDocument(d.serial)} data-testid="document-card">
              <View className="card-head">
                <View className="card-name">{d.title}</View>
                <Text className={`tag ${past ? 'tag-orange' : status.tone}`}>{past ? '已过期' : status.name}</Text>
              </View>
              <View className="muted">{d.issuer}</View>
              <View className="card-foot">
                <Text className="muted">{formatDate(d.issuedAt)}出具</Text>
                <Text className="muted">{d.validUntil ? `有效期至 ${formatDay(d.validUntil)}` : '长期有效'}</Text>
              </View>
            </View>
          );
        })}
      </ListView>

      {licences.data && licences.data.items.length > 0 && (
        <View className="section wl-licences" data-testid="licences">
          <View className="section-title">电子证照</View>
          {licences.data.items.map((l) => (
            <View key={l.id} className="wl-licence" data-testid="licence">
              <View className="wl-licence-name">{l.name}</View>
              <View className="muted">
                {l.issuer} · 编号 {l.number}
              </View>
              {l.validUntil && <View className="muted">有效期至 {formatDay(l.validUntil)}</View>}
              <LicenceUses uses={(licences.data!.uses ?? []).filter((u) => u.licenceId === l.id)} />
            </View>
          ))}
          <View className="muted wl-licence-note">办事时可直接用电子证照，免交纸质材料。</View>
        </View>
      )}
    </>
  );
}

/** Each time the holder let an application use this licence: when, for which application and material (newest first). */
function LicenceUses({ uses }: { uses: LicenceUseView[] }) {
  if (!uses.length) return <View className="muted wl-licence-uses">还没有用于办事</View>;
  return (
    <View className="wl-licence-uses" data-testid="licence-uses" aria-label="使用记录">
      {uses.slice(0, 5).map((u) => (
        <View key={`${u.at}-${u.appNo}`} className="muted">
          {formatDate(u.at)} 授权用于办件 {u.appNo}（{u.material}）
        </View>
      ))}
      {uses.length > 5 && <View className="muted">共授权使用 {uses.length} 次</View>}
    </View>
  );
}
