import { communityId, compactTime, optionsFor, tally, type VoteSpec } from '@yx/shared';
import type { BallotRecord, CommentRecord, ResidenceRecord, TopicRecord } from '../lib/entities/deliberation';
import { ballotItem, commentItem, residenceItem, topicItem } from './repository';

/**
 * 居民议事's demo data (issue 19; local stage only, like the demo people): 府前社区 (北京街道, grid official 何敏) with three
 * confirmed residents (张晓明, 赵云山, 陈秀兰), one declaration waiting for her (钱晓东), a topic answered after a vote, a topic under
 * discussion with a live vote and a proposal; 盐运西社区 (grid official 邓伟) with one resident (周小敏) and a topic under
 * discussion. Times are relative to the seed's.
 */
const FUQIAN = { id: communityId('beijing', '府前社区'), name: '府前社区', street: 'beijing' };
const YANYUNXI = { id: communityId('beijing', '盐运西社区'), name: '盐运西社区', street: 'beijing' };
const GRID_FUQIAN = '网格员 何敏';

const shift = (now: string, days: number, hours = 0) => new Date(Date.parse(now) + days * 86_400_000 + hours * 3_600_000).toISOString();

export function deliberationSeedRows(now: string): Record<string, unknown>[] {
  const residence = (
    userId: string,
    name: string,
    c: typeof FUQIAN,
    address: string,
    status: ResidenceRecord['status'],
    how?: 'address' | 'official',
  ): ResidenceRecord => ({
    userId,
    communityId: c.id,
    communityName: c.name,
    street: c.street,
    name,
    address,
    status,
    ...(how ? { how, decidedAt: shift(now, -30) } : {}),
    declaredAt: shift(now, -30),
  });
  const residences = [
    residence('u-resident-zhang', '张晓明', FUQIAN, '越秀区府前路 1 号 3 栋 502', 'confirmed', 'address'),
    residence('u-legal-zhao', '赵云山', FUQIAN, '越秀区西湖路 12 号 801', 'confirmed', 'address'),
    residence('u-resident-chen', '陈秀兰', FUQIAN, '越秀区府前路 3 号 2 栋 301', 'confirmed', 'address'),
    residence('u-agent-qian', '钱晓东', FUQIAN, '越秀区北京路 238 号 5 楼', 'pending'),
    residence('u-resident-zhou-daughter', '周小敏', YANYUNXI, '越秀区大南路 20 号 602', 'confirmed', 'address'),
  ];

  const topic = (
    o: Partial<TopicRecord> & Pick<TopicRecord, 'id' | 'title' | 'details' | 'raisedBy' | 'raisedByName' | 'raisedAt' | 'state'>,
    c = FUQIAN,
  ): TopicRecord => ({
    communityId: c.id,
    communityName: c.name,
    street: c.street,
    version: 1,
    heldWords: [],
    followUps: [],
    updatedAt: o.raisedAt,
    ...o,
  });

  // 1. answered after a 赞成 / 反对 / 弃权 vote
  const shedVote: VoteSpec = {
    kind: 'yesno',
    question: '是否同意在东门内侧加装电动自行车充电棚？',
    options: optionsFor('yesno'),
    opensAt: shift(now, -40),
    closesAt: shift(now, -26),
    quorumPercent: 50,
    resultsVisibility: 'after_close',
  };
  const shedBallots: BallotRecord[] = [
    { topicId: 'tp_SeedShedVote01', userId: 'u-resident-zhang', communityId: FUQIAN.id, choices: ['yes'], castAt: shift(now, -35), firstAt: shift(now, -35) },
    { topicId: 'tp_SeedShedVote01', userId: 'u-legal-zhao', communityId: FUQIAN.id, choices: ['yes'], castAt: shift(now, -30), firstAt: shift(now, -30) },
  ];
  const shed = topic({
    id: 'tp_SeedShedVote01',
    title: '东门加装电动自行车充电棚',
    details: '楼道里常有人给电动车飞线充电，很不安全。建议在东门内侧空地加装充电棚，集中充电、统一管理。',
    raisedBy: 'u-resident-zhang',
    raisedByName: '张*明',
    raisedAt: shift(now, -45),
    state: 'answered',
    closesAt: shift(now, -25),
    openedAt: shift(now, -40),
    openedByName: GRID_FUQIAN,
    vote: shedVote,
    result: tally(shedVote, shedBallots, residences.filter((r) => r.communityId === FUQIAN.id && r.status === 'confirmed').length, shift(now, -25)),
    response: {
      text: '投票通过。社区已与物业商定：东门内侧加装 20 个充电位，费用由物业维修资金列支，施工期间请注意绕行。',
      at: shift(now, -20),
      byName: GRID_FUQIAN,
    },
    followUps: [{ text: '充电棚已完成选址和报价，计划下月开工。', at: shift(now, -10), byName: GRID_FUQIAN, completes: false }],
    version: 5,
  });

  // 2. under discussion, with a live single-choice vote and two comments
  const cleaningVote: VoteSpec = {
    kind: 'single',
    question: '楼道公共区域每天什么时候清扫最合适？',
    options: optionsFor('single', ['早上 7 点前', '上午 10 点', '下午 3 点']),
    opensAt: shift(now, -1),
    closesAt: shift(now, 12),
    quorumPercent: 30,
    resultsVisibility: 'live',
  };
  const cleaning = topic({
    id: 'tp_SeedCleaning01',
    title: '调整楼道清扫时间',
    details: '现在早上 8 点清扫正好是上学上班的时候，楼梯又湿又滑。建议换个时间，大家一起定。',
    raisedBy: 'u-legal-zhao',
    raisedByName: '赵*山',
    raisedAt: shift(now, -3),
    state: 'open',
    closesAt: shift(now, 14),
    openedAt: shift(now, -1),
    openedByName: GRID_FUQIAN,
    vote: cleaningVote,
    version: 2,
  });
  const first = `c${compactTime(shift(now, -1, 2))}SeedC1`;
  const comments: CommentRecord[] = [
    {
      id: first,
      topicId: cleaning.id,
      communityId: FUQIAN.id,
      authorId: 'u-resident-zhang',
      authorName: '张*明',
      official: false,
      text: '支持改到上午 10 点，那时候楼里人最少。',
      at: shift(now, -1, 2),
      status: 'visible',
      heldWords: [],
    },
    {
      id: `${first}.c${compactTime(shift(now, -1, 5))}SeedR1`,
      topicId: cleaning.id,
      communityId: FUQIAN.id,
      parentId: first,
      replyToName: '张*明',
      authorId: 'u-grid-beijing',
      authorName: GRID_FUQIAN,
      official: true,
      text: '收到，已把大家的意见转给物业，投票结束后按结果调整。',
      at: shift(now, -1, 5),
      status: 'visible',
      heldWords: [],
    },
  ];

  // 3. a proposal waiting for the grid official
  const lights = topic({
    id: 'tp_SeedLights0001',
    title: '后巷加装路灯',
    details: '府前路后巷晚上很黑，老人晚上出门容易摔倒，建议加装两盏路灯。',
    raisedBy: 'u-resident-zhang',
    raisedByName: '张*明',
    raisedAt: shift(now, -1),
    state: 'proposed',
  });

  // 盐运西社区: under discussion, no vote
  const parking = topic(
    {
      id: 'tp_SeedParking001',
      title: '大南路口增设非机动车停放区',
      details: '大南路口的共享单车和电动车乱停，挡住了盲道。建议在路口划一块停放区。',
      raisedBy: 'u-resident-zhou-daughter',
      raisedByName: '周*敏',
      raisedAt: shift(now, -5),
      state: 'open',
      closesAt: shift(now, 9),
      openedAt: shift(now, -4),
      openedByName: '网格员 邓伟',
      version: 2,
    },
    YANYUNXI,
  );

  return [...residences.map(residenceItem), ...[shed, cleaning, lights, parking].map(topicItem), ...comments.map(commentItem), ...shedBallots.map(ballotItem)];
}
