import { View } from '@tarojs/components';
import type { DocumentUse } from '../../../api/documents';
import { Timeline } from '../../../components/Timeline';

const KINDS: Record<DocumentUse['kind'], string> = {
  application: '用于办事',
  verified: '被核验',
  shared: '生成分享链接',
  downloaded: '下载',
};

/** 使用记录: who used or checked the document and when, newest first (the application's timeline, for a document). */
export function Uses({ uses }: { uses: DocumentUse[] }) {
  const entries = uses.map((u) => ({ at: u.at, actor: KINDS[u.kind] ?? u.kind, action: u.who, ...(u.appNo ? { note: `办件编号 ${u.appNo}` } : {}) }));
  return (
    <View className="section">
      <View className="section-title">使用记录</View>
      <Timeline entries={entries} label="使用记录" empty="还没有使用记录。每次被核验、用于办事，都会记在这里。" testId="doc-use" />
    </View>
  );
}
