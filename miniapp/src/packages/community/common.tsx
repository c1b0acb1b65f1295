import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TopicState } from '@yx/shared';
import type { ReactNode } from 'react';
import { COMMUNITY_PAGES } from '../../api/deliberation';
import { formatDateTime } from '../../components/Timeline';
import './common.css';

/** Pieces the 居民议事 pages share: the ways between them, a topic's state as a tag, times in words. */

type CommunityPage = keyof typeof COMMUNITY_PAGES;

export function pageUrl(page: CommunityPage, query: Record<string, string | undefined> = {}): string {
  const qs = Object.entries(query)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return qs ? `${COMMUNITY_PAGES[page]}?${qs}` : COMMUNITY_PAGES[page];
}
export const goCommunity = (page: CommunityPage, query: Record<string, string | undefined> = {}) => Taro.navigateTo({ url: pageUrl(page, query) });

/** A topic's state as a coloured tag: blue while discussed, orange while it waits, green once answered, grey when over. */
const TONES: Record<TopicState, string> = {
  proposed: 'orange',
  open: 'blue',
  declined: 'gray',
  closed: 'gray',
  answered: 'green',
  completed: 'green',
};
export function TopicStateTag({ state, name }: { state: TopicState; name: string }) {
  return (
    <Text className={`tag tag-${TONES[state]}`} data-testid="topic-state">
      {name}
    </Text>
  );
}

/** '12月20日 20:00 截止' */
export const closesText = (iso: string) => `${formatDateTime(iso)} 截止`;

/** A short explanation block: a title, words, and (optionally) a way on. */
export function Notice({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <View className="section cm-notice" data-testid={testId}>
      <View className="cm-notice-title">{title}</View>
      {children}
    </View>
  );
}

const DAY_MS = 86_400_000;
/** Today on the Beijing wall clock, 'YYYY-MM-DD'. */
export const todayBeijing = (now: number = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** An instant on the Beijing wall clock, as the API takes it: 2026-12-20T20:00:00+08:00. */
export const beijingAt = (date: string, clock: string) => `${date}T${clock}:00+08:00`;
