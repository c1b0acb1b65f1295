import {
  ballotProblem,
  discussionProblems,
  effectiveState,
  optionsFor,
  resultText,
  resultsVisible,
  tally,
  tallyDue,
  TALLY_GRACE_MS,
  topicAllows,
  votePhase,
  votePlanProblems,
  type VoteSpec,
} from './rules';
import { addressMatches, communityId, gridCommunity, maskAddress, COMMUNITY_ID } from './communities';
import { sensitiveHits } from './sensitive';
import { BallotRequest, OpenTopicRequest, ResidenceDecision, ModerateRequest, waitingLabel } from './api';

const OPENS = '2026-12-10T01:00:00.000Z';
const CLOSES = '2026-12-20T10:00:00.000Z';
const vote = (over: Partial<VoteSpec> = {}): VoteSpec => ({
  kind: 'yesno',
  question: '是否加装电动自行车充电棚？',
  options: optionsFor('yesno'),
  opensAt: OPENS,
  closesAt: CLOSES,
  quorumPercent: 30,
  resultsVisibility: 'after_close',
  ...over,
});
const before = (iso: string, ms = 1) => new Date(Date.parse(iso) - ms).toISOString();
const ballots = (list: [string[], number][], castAt = '2026-12-15T00:00:00.000Z') =>
  list.flatMap(([choices, n]) => Array.from({ length: n }, () => ({ choices, castAt })));

describe('topic states', () => {
  it('an open topic is 已结束 from its closing time on, without a write', () => {
    const t = { state: 'open' as const, closesAt: CLOSES };
    expect(effectiveState(t, before(CLOSES))).toBe('open');
    expect(effectiveState(t, CLOSES)).toBe('closed');
    expect(effectiveState({ state: 'answered', closesAt: CLOSES }, CLOSES)).toBe('answered');
  });

  it('each action from its states only: open/decline a proposal, discuss while open, respond once closed, follow up once answered', () => {
    expect(topicAllows('open', 'proposed')).toBe(true);
    expect(topicAllows('open', 'open')).toBe(false);
    expect(topicAllows('decline', 'declined')).toBe(false);
    expect(topicAllows('discuss', 'open')).toBe(true);
    expect(topicAllows('discuss', 'closed')).toBe(false);
    expect(topicAllows('respond', 'open')).toBe(false);
    expect(topicAllows('respond', 'closed')).toBe(true);
    expect(topicAllows('followUp', 'closed')).toBe(false);
    expect(topicAllows('followUp', 'answered')).toBe(true);
    expect(topicAllows('workOrder', 'completed')).toBe(true);
    expect(topicAllows('workOrder', 'open')).toBe(false);
  });

  it('a discussion runs at least an hour and at most 90 days', () => {
    const now = '2026-12-10T00:00:00.000Z';
    expect(discussionProblems('2026-12-10T00:30:00.000Z', now)[0]?.field).toBe('closesAt');
    expect(discussionProblems('2027-04-01T00:00:00.000Z', now)[0]?.message).toContain('90 天');
    expect(discussionProblems(CLOSES, now)).toEqual([]);
  });
});

describe('ballots and the voting window', () => {
  it('single and yes/no take exactly one known option; multiple up to maxPicks, none twice', () => {
    expect(ballotProblem(vote(), ['yes'])).toBeUndefined();
    expect(ballotProblem(vote(), ['yes', 'no'])).toBe('只能选择一项');
    expect(ballotProblem(vote(), [])).toBe('请至少选择一项');
    expect(ballotProblem(vote(), ['maybe'])).toContain('不存在');
    const multi = vote({ kind: 'multiple', options: optionsFor('multiple', ['东门', '西门', '南门', '北门']), maxPicks: 2 });
    expect(ballotProblem(multi, ['o1', 'o3'])).toBeUndefined();
    expect(ballotProblem(multi, ['o1', 'o2', 'o3'])).toBe('最多选择 2 项');
    expect(ballotProblem(multi, ['o1', 'o1'])).toBe('同一选项只能选一次');
    const single = vote({ kind: 'single', options: optionsFor('single', ['上午', '下午']) });
    expect(ballotProblem(single, ['o2'])).toBeUndefined();
    expect(ballotProblem(single, ['o1', 'o2'])).toBe('只能选择一项');
  });

  it('open from opensAt until (not at) closesAt; the final count a minute after', () => {
    expect(votePhase(vote(), before(OPENS))).toBe('before');
    expect(votePhase(vote(), OPENS)).toBe('open');
    expect(votePhase(vote(), before(CLOSES))).toBe('open');
    expect(votePhase(vote(), CLOSES)).toBe('closed');
    expect(tallyDue(vote(), before(new Date(Date.parse(CLOSES) + TALLY_GRACE_MS).toISOString()))).toBe(false);
    expect(tallyDue(vote(), new Date(Date.parse(CLOSES) + TALLY_GRACE_MS).toISOString())).toBe(true);
  });

  it('a planned vote is checked against the discussion and itself, each problem by field', () => {
    const now = '2026-12-10T00:00:00.000Z';
    expect(votePlanProblems(vote({ opensAt: now }), '2026-12-31T00:00:00.000Z', now)).toEqual([]);
    const late = votePlanProblems(vote({ opensAt: now }), '2026-12-15T00:00:00.000Z', now);
    expect(late).toEqual([{ field: 'vote.closesAt', message: '投票截止时间：不能晚于讨论截止时间' }]);
    const short = votePlanProblems(vote({ opensAt: now, closesAt: '2026-12-10T00:30:00.000Z' }), CLOSES, now);
    expect(short.map((p) => p.field)).toEqual(['vote.closesAt']);
    const dup = votePlanProblems(vote({ kind: 'single', opensAt: now, options: optionsFor('single', ['甲', '甲']) }), CLOSES, now);
    expect(dup.map((p) => p.message)).toEqual(['投票选项：不能重复']);
    const picks = votePlanProblems(vote({ kind: 'multiple', opensAt: now, options: optionsFor('multiple', ['甲', '乙']), maxPicks: 3 }), CLOSES, now);
    expect(picks[0]).toEqual({ field: 'vote.maxPicks', message: '最多可选：应在 2 到 2 之间' });
  });
});

describe('the count', () => {
  const at = '2026-12-20T10:01:00.000Z';

  it('yes/no passes on more 赞成 than 反对; abstentions count for the quorum only', () => {
    const t = tally(
      vote(),
      ballots([
        [['yes'], 40],
        [['no'], 30],
        [['abstain'], 30],
      ]),
      300,
      at,
    );
    expect(t).toMatchObject({ voters: 100, eligible: 300, turnoutPercent: 33.3, quorumMet: true, outcome: 'passed', winners: [] });
    expect(t.counts).toEqual({ yes: 40, no: 30, abstain: 30 });
    expect(
      tally(
        vote(),
        ballots([
          [['yes'], 30],
          [['no'], 30],
        ]),
        100,
        at,
      ).outcome,
    ).toBe('not_passed');
  });

  it('without the quorum the result does not count; no ballot at all is 无人投票', () => {
    expect(tally(vote(), ballots([[['yes'], 29]]), 100, at)).toMatchObject({ quorumMet: false, outcome: 'quorum_not_met' });
    expect(tally(vote(), ballots([[['yes'], 30]]), 100, at)).toMatchObject({ quorumMet: true, outcome: 'passed' });
    expect(tally(vote({ quorumPercent: 0 }), [], 100, at)).toMatchObject({ voters: 0, outcome: 'no_votes', quorumMet: false });
  });

  it('only ballots cast before the close count; the eligible count is at least the voters (counters a little behind)', () => {
    const late = [{ choices: ['no'], castAt: CLOSES }];
    const t = tally(vote(), [...ballots([[['yes'], 3]]), ...late], 2, at);
    expect(t).toMatchObject({ voters: 3, eligible: 3, turnoutPercent: 100, counts: { yes: 3, no: 0, abstain: 0 } });
  });

  it('single choice: the sole first is chosen, a tie chooses none; multiple: every option sharing the first place', () => {
    const single = vote({ kind: 'single', options: optionsFor('single', ['甲', '乙', '丙']), quorumPercent: 0 });
    expect(
      tally(
        single,
        ballots([
          [['o2'], 5],
          [['o1'], 3],
        ]),
        10,
        at,
      ),
    ).toMatchObject({ outcome: 'chosen', winners: ['o2'] });
    expect(
      tally(
        single,
        ballots([
          [['o2'], 4],
          [['o1'], 4],
        ]),
        10,
        at,
      ),
    ).toMatchObject({ outcome: 'tie', winners: [] });
    const multi = vote({ kind: 'multiple', options: optionsFor('multiple', ['甲', '乙', '丙']), maxPicks: 2, quorumPercent: 0 });
    const t = tally(
      multi,
      ballots([
        [['o1', 'o3'], 4],
        [['o3'], 2],
        [['o1', 'o2'], 2],
      ]),
      10,
      at,
    );
    expect(t).toMatchObject({ voters: 8, counts: { o1: 6, o2: 2, o3: 6 }, outcome: 'chosen', winners: ['o1', 'o3'] });
  });

  it('says the result in words, for the chart and for screen readers', () => {
    const t = tally(
      vote(),
      ballots([
        [['yes'], 80],
        [['no'], 30],
        [['abstain'], 10],
      ]),
      300,
      at,
    );
    expect(resultText(vote(), t)).toBe('共 120 人投票，参与率 40%（要求不低于 30%）。赞成 80 票（66.7%），反对 30 票（25%），弃权 10 票（8.3%）。结果：通过。');
    const running = resultText(vote(), { voters: 2, counts: { yes: 1, no: 1 } });
    expect(running).toBe('目前共 2 人投票（要求不低于 30%）。赞成 1 票（50%），反对 1 票（50%），弃权 0 票（0%）。投票尚未结束，以最终计票为准。');
    const single = vote({ kind: 'single', options: optionsFor('single', ['甲', '乙']), quorumPercent: 0 });
    expect(resultText(single, tally(single, ballots([[['o2'], 2]]), 4, at))).toContain('结果：已选出：乙。');
  });

  it('numbers are shown live only for a live vote once open; the final count always', () => {
    expect(resultsVisible(vote(), '2026-12-15T00:00:00.000Z', false)).toBe(false);
    expect(resultsVisible(vote(), '2026-12-15T00:00:00.000Z', true)).toBe(true);
    expect(resultsVisible(vote({ resultsVisibility: 'live' }), before(OPENS), false)).toBe(false);
    expect(resultsVisible(vote({ resultsVisibility: 'live' }), OPENS, false)).toBe(true);
  });
});

describe('communities and residence', () => {
  it("a community's id comes from its street and name; a grid official's posting names the same one", () => {
    const id = communityId('beijing', '府前社区');
    expect(id).toMatch(COMMUNITY_ID);
    expect(communityId('beijing', ' 府前社区 ')).toBe(id);
    expect(communityId('beijing', '盐运西社区')).not.toBe(id);
    expect(gridCommunity({ role: 'grid', street: 'beijing', area: '北京街道/府前社区' })).toEqual({ id, name: '府前社区', street: 'beijing' });
    expect(gridCommunity({ role: 'dispatcher', street: 'beijing', area: '北京街道' })).toBeUndefined();
  });

  it('an address naming a road of the community (and of no other on the street) matches; spaces and full-width forms do not matter', () => {
    expect(addressMatches('越秀区府前路 1 号 3 栋 502', 'beijing', '府前社区')).toBe(true);
    expect(addressMatches('越秀区府前路１号', 'beijing', '府前社区')).toBe(true);
    expect(addressMatches('越秀区大南路 8 号', 'beijing', '府前社区')).toBe(false);
    expect(addressMatches('府前路与大南路交界 2 号', 'beijing', '府前社区')).toBe(false); // names another community's road too
    expect(addressMatches('越秀区某路 1 号', 'beijing', '新社区')).toBe(false); // no address data: an official confirms
  });

  it('a masked address keeps the road and hides the number; the 待办 figures read 99+ beyond the cap', () => {
    expect(maskAddress('越秀区府前路 8 号 2 栋 301')).toBe('越秀区府前路 ****');
    expect(maskAddress('越秀区府前路１号')).toBe('越秀区府前路 ****');
    expect(maskAddress('寺右一马路十二号三楼')).toBe('寺右一马路 ****');
    expect(maskAddress('越秀区某某大院')).toBe('越秀区 ****');
    expect(maskAddress('8 号')).toBe('****');
    expect(maskAddress('越秀区府前路')).toBe('越秀区府前路 ****');
    expect(waitingLabel(0)).toBe('0');
    expect(waitingLabel(99)).toBe('99');
    expect(waitingLabel(100)).toBe('99+');
  });
});

describe('sensitive words', () => {
  it('finds listed words through spaces, marks, full-width forms and case; ordinary words pass', () => {
    expect(sensitiveHits('楼下有人聚众赌博')).toEqual(['赌博']);
    expect(sensitiveHits('有人在搞 赌*博 和 网　赌')).toEqual(['赌博', '网赌']);
    expect(sensitiveHits('建议在东门加装充电棚，方便大家')).toEqual([]);
    expect(sensitiveHits('ABC', ['abc'])).toEqual(['abc']);
  });
});

describe('the contract', () => {
  it('a ballot names option ids; a refusal of residence and a removal need a reason', () => {
    expect(BallotRequest.safeParse({ choices: ['yes'] }).success).toBe(true);
    expect(BallotRequest.safeParse({ choices: [] }).success).toBe(false);
    expect(ResidenceDecision.safeParse({ confirm: false }).success).toBe(false);
    expect(ResidenceDecision.safeParse({ confirm: false, reason: '地址不在本社区' }).success).toBe(true);
    expect(ModerateRequest.safeParse({ action: 'remove' }).success).toBe(false);
    expect(ModerateRequest.safeParse({ action: 'hold' }).success).toBe(true);
  });

  it('opening takes instants with an offset (kept as UTC) and a vote with options for a choice', () => {
    const ok = OpenTopicRequest.parse({
      closesAt: '2026-12-20T18:00:00+08:00',
      vote: { kind: 'yesno', question: '是否同意？', closesAt: '2026-12-20T18:00:00+08:00', quorumPercent: 30, resultsVisibility: 'live' },
    });
    expect(ok.closesAt).toBe(CLOSES);
    expect(OpenTopicRequest.safeParse({ closesAt: '2026-12-20 18:00' }).success).toBe(false);
    const noOptions = OpenTopicRequest.safeParse({
      closesAt: CLOSES,
      vote: { kind: 'single', question: '选哪个方案？', closesAt: CLOSES, quorumPercent: 0, resultsVisibility: 'live' },
    });
    expect(noOptions.success).toBe(false);
  });
});
