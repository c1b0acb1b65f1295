import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PUBLICATION_VALIDITY } from '@yx/shared';
import { publicationsApi, type PublicationDetail } from '../../../api/publications';
import { DetailHead } from '../../../components/DetailShell';
import { MaterialFiles } from '../../../components/MaterialFiles';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { LinkRow } from '../common';
import './index.css';

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * One published item (issue 19): title, department, date and 文号, the text in paragraphs, the PDFs to open, and the link
 * between a policy document and its interpretations, both ways. Withdrawn or unknown: the page says so.
 */
export default function PublicationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useAsync(() => publicationsApi.detail(id), [id]);
  return (
    <Page className="opd">
      <StateView loading={state.loading && !state.data} error={state.data ? undefined : state.error} onRetry={state.reload}>
        {state.data && <Body d={state.data} />}
      </StateView>
    </Page>
  );
}

function Body({ d }: { d: PublicationDetail }) {
  const paragraphs = d.content.split(/\n+/).filter((p) => p.trim());
  return (
    <View>
      <DetailHead title={d.title} lines={[`${d.departmentName} · ${d.publishedOn}`, ...(d.docNo ? [`文号：${d.docNo}`] : [])]}>
        <Text className="tag tag-blue">{d.categoryName}</Text>
        {d.validity && (
          <Text className={`tag ${d.validity === 'repealed' ? 'tag-gray' : 'tag-green'}`} data-testid="validity">
            {PUBLICATION_VALIDITY[d.validity]}
          </Text>
        )}
      </DetailHead>
      {d.validity === 'repealed' && (
        <View className="notice" role="alert" data-testid="repealed">
          本文件已废止，仅供查阅，不再作为办事依据。
        </View>
      )}
      {d.interprets && (
        <View className="section" data-testid="interprets">
          <View className="section-title">所解读的政策文件</View>
          <LinkRow l={d.interprets} lead="所解读的政策文件" testId="interprets-link" />
        </View>
      )}
      <View className="section opd-text" data-testid="publication-text">
        {paragraphs.map((p, i) => (
          <View key={i} className="opd-p">
            {p}
          </View>
        ))}
      </View>
      {d.attachments.length > 0 && (
        <View className="section" data-testid="attachments">
          <View className="section-title">附件（{d.attachments.length}）</View>
          <MaterialFiles files={d.attachments} />
          <View className="muted opd-sizes">{d.attachments.map((a) => `${a.fileName}（${kb(a.size)}）`).join('；')}</View>
        </View>
      )}
      {d.interpretations.length > 0 && (
        <View className="section" data-testid="interpretations">
          <View className="section-title">政策解读（{d.interpretations.length}）</View>
          {d.interpretations.map((l) => (
            <LinkRow key={l.id} l={l} lead="政策解读" testId="interpretation-link" />
          ))}
        </View>
      )}
      <View className="muted opd-updated">
        {d.version > 1 ? `本信息于 ${d.updatedAt.slice(0, 10)} 更新（第 ${d.version} 版）` : `发布单位：${d.departmentName}`}
      </View>
    </View>
  );
}
