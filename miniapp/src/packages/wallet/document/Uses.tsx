import { Text, View } from '@tarojs/components';
import type { DocumentUse } from '../../../api/documents';
import { formatDateTime } from '../../../components/Timeline';
import '../../../components/Timeline.css';

const KINDS: Record<DocumentUse['kind'], string> = {
  application: '用于办事',
  verified: '被核验',
  shared: '生成分享链接',
  downloaded: '下载',
};

/** 使用记录: who used or checked the document and when, newest first (a small timeline). */
export function Uses({ uses }: { uses: DocumentUse[] }) {
  const list = [...uses].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <View className="section">
      <View className="section-title">使用记录</View>
      {!list.length && <View className="muted">还没有使用记录。每次被核验、用于办事，都会记在这里。</View>}
      {list.length > 0 && (
        <View className="timeline" role="list" aria-label="使用记录">
          {list.map((u, i) => (
            <View key={`${u.at}-${i}`} className={`tml-entry ${i === 0 ? 'latest' : ''}`} role="listitem" data-testid="doc-use">
              <View className="tml-rail">
                <View className="tml-node" />
                {i < list.length - 1 && <View className="tml-line" />}
              </View>
              <View className="tml-body">
                <View className="tml-head">
                  <Text className="tml-time">{formatDateTime(u.at)}</Text>
                  <Text className="tag tag-blue tml-actor">{KINDS[u.kind] ?? u.kind}</Text>
                </View>
                <View className="tml-action">{u.who}</View>
                {u.appNo && <View className="muted tml-note">办件编号 {u.appNo}</View>}
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
