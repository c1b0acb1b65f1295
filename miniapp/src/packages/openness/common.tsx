import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PUBLICATION_VALIDITY, type HighlightPart } from '@yx/shared';
import type { PublicationHit, PublicationLink, PublicationSummary } from '../../api/publications';
import './common.css';

/** Pieces the 政务公开 pages share: addresses, a list's card, highlighted words. */

export const OPENNESS_PAGES = {
  index: '/packages/openness/index',
  detail: '/packages/openness/detail/index',
  subscriptions: '/packages/openness/subscriptions/index',
} as const;

export const openPublication = (id: string) => Taro.navigateTo({ url: `${OPENNESS_PAGES.detail}?id=${encodeURIComponent(id)}` });

/** Text with the search's words in bold (the parts the server cut). */
export function Highlighted({ parts, className }: { parts: HighlightPart[]; className?: string }) {
  return (
    <Text className={className}>
      {parts.map((p, i) =>
        p.hit ? (
          <Text key={i} className="op-hit">
            {p.text}
          </Text>
        ) : (
          p.text
        ),
      )}
    </Text>
  );
}

const isHit = (p: PublicationSummary | PublicationHit): p is PublicationHit => 'snippet' in p;

/** One item of a list: category, title (the words found in bold), department, date, 文号; a hit also the words around them. */
export function PublicationCard({ p }: { p: PublicationSummary | PublicationHit }) {
  const hit = isHit(p) ? p : undefined;
  return (
    <View
      className="card op-card tap"
      role="button"
      // named by what it shows (category, title, department, date, 文号): a label of its own would leave some of it out
      data-testid="publication-card"
      onClick={() => openPublication(p.id)}
    >
      <View className="op-card-tags">
        <Text className="tag tag-blue">{p.categoryName}</Text>
        {p.validity === 'repealed' && <Text className="tag tag-gray">{PUBLICATION_VALIDITY.repealed}</Text>}
        {p.attachmentCount > 0 && <Text className="tag tag-gray">附件 {p.attachmentCount}</Text>}
      </View>
      <View className="op-card-title">{hit ? <Highlighted parts={hit.titleParts} /> : p.title}</View>
      {hit && hit.snippet.length > 0 && (
        <View className="op-card-snippet" data-testid="snippet">
          <Highlighted parts={hit.snippet} />
        </View>
      )}
      <View className="muted">
        {p.departmentName} · {p.publishedOn}
        {p.docNo ? ` · ${p.docNo}` : ''}
      </View>
    </View>
  );
}

/** Another item named on a page (the policy interpreted, an interpretation): a row to open it. */
export function LinkRow({ l, lead, testId }: { l: PublicationLink; lead: string; testId: string }) {
  return (
    <View className="op-link tap" role="button" aria-label={`${lead}：${l.title}`} data-testid={testId} onClick={() => openPublication(l.id)}>
      <View className="op-link-title">{l.title}</View>
      <View className="muted">
        {l.departmentName} · {l.publishedOn}
        {l.docNo ? ` · ${l.docNo}` : ''} ›
      </View>
    </View>
  );
}
