/**
 * Test helpers for the 居民议事 pages (imported only by *.test.tsx): a session, Taro's mocks reset, and answers shaped
 * as the contract (shared/src/deliberation/api.ts) says the server returns them. The tests mock api/deliberation.
 */
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { ApiError } from '../../api/client';
import type { CommentView, MyResidence, TopicDetail, TopicSummary, VoteView } from '../../api/deliberation';
import { saveSession } from '../../api/session';

export function login(role: Role = 'resident', level: 1 | 2 = 2) {
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '张晓明', level, verified: true } });
}

export function resetTaro() {
  (Taro as unknown as { __reset: () => void }).__reset();
  for (const f of [Taro.navigateTo, Taro.redirectTo, Taro.showToast] as unknown as jest.Mock[]) f.mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: {} });
  const showModal = Taro.showModal as unknown as jest.Mock;
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
}

export const showModal = Taro.showModal as unknown as jest.Mock;
export const route = (params: Record<string, string>) => (Taro.useRouter as jest.Mock).mockReturnValue({ params });
export const apiError = (status: number, message: string, code = 'RULE_VIOLATION') => new ApiError(status, code, message);

export const FUQIAN = 'beijing-1abcdef';

export const confirmed = (over: Partial<NonNullable<MyResidence['residence']>> = {}): MyResidence => ({
  proven: true,
  residence: {
    communityId: FUQIAN,
    communityName: '府前社区',
    street: 'beijing',
    streetName: '北京街道',
    address: '越秀区府前路 1 号 3 栋 502',
    status: 'confirmed',
    statusName: '已确认',
    how: 'address',
    declaredAt: '2026-12-01T02:00:00.000Z',
    decidedAt: '2026-12-01T02:00:00.000Z',
    ...over,
  },
});

export const summary = (over: Partial<TopicSummary> = {}): TopicSummary => ({
  id: 'tp_Topic00000001',
  title: '东门加装电动自行车充电棚',
  state: 'open',
  stateName: '讨论中',
  raisedByName: '张*明',
  raisedAt: '2026-12-01T02:00:00.000Z',
  closesAt: '2026-12-20T12:00:00.000Z',
  hasVote: true,
  voteClosesAt: '2026-12-19T12:00:00.000Z',
  comments: 2,
  voters: 12,
  mine: false,
  ...over,
});

export const yesNoVote = (over: Partial<VoteView> = {}): VoteView => ({
  kind: 'yesno',
  kindName: '赞成 / 反对 / 弃权',
  question: '是否同意在东门加装充电棚？',
  options: [
    { id: 'yes', label: '赞成' },
    { id: 'no', label: '反对' },
    { id: 'abstain', label: '弃权' },
  ],
  maxPicks: 1,
  opensAt: '2026-12-02T02:00:00.000Z',
  closesAt: '2026-12-19T12:00:00.000Z',
  quorumPercent: 30,
  resultsVisibility: 'live',
  resultsVisibilityName: '投票期间实时公布',
  phase: 'open',
  canVote: true,
  ...over,
});

export const detail = (over: Partial<TopicDetail> = {}): TopicDetail => ({
  ...summary(),
  communityId: FUQIAN,
  communityName: '府前社区',
  details: '楼道里常有人飞线充电，很不安全。',
  openedAt: '2026-12-02T02:00:00.000Z',
  openedByName: '网格员 何敏',
  vote: yesNoVote(),
  counting: false,
  followUps: [],
  official: false,
  can: { comment: true, open: false, decline: false, respond: false, followUp: false, workOrder: false },
  ...over,
});

export const commentView = (over: Partial<CommentView> = {}): CommentView => ({
  id: 'c20261202100000000Abcdef',
  authorName: '赵*山',
  official: false,
  text: '支持，建议加装在东门内侧。',
  status: 'visible',
  statusName: '已发布',
  at: '2026-12-02T03:00:00.000Z',
  supports: 3,
  supportedByMe: false,
  mine: false,
  ...over,
});
