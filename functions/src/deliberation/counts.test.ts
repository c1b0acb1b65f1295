/** 居民议事's counters (issue 19), pure: what a residence, a comment, a support and a ballot add, and what a change moves. */
import { changeCounts } from '../aggregate/contributions';
import type { CounterDeltas } from '../lib/counters';
import { Ballot, Comment, Residence, Support, type BallotRecord, type CommentRecord, type ResidenceRecord } from '../lib/entities/deliberation';

const flat = (d: CounterDeltas) =>
  Object.fromEntries(d.rows().flatMap((r) => Object.entries(r.add).map(([a, n]) => [`${r.key.pk}|${r.key.sk}|${a}`, n] as const)));

const residence: ResidenceRecord = {
  userId: 'u1',
  communityId: 'beijing-abc',
  communityName: '府前社区',
  street: 'beijing',
  name: '张晓明',
  address: '越秀区府前路 1 号',
  status: 'pending',
  declaredAt: '2026-12-01T00:00:00.000Z',
};
const ballot: BallotRecord = {
  topicId: 'tp_X',
  userId: 'u1',
  communityId: 'beijing-abc',
  choices: ['yes'],
  castAt: '2026-12-02T00:00:00.000Z',
  firstAt: '2026-12-02T00:00:00.000Z',
};
const comment: CommentRecord = {
  id: 'c20261202000000000Abcdef',
  topicId: 'tp_X',
  communityId: 'beijing-abc',
  authorId: 'u1',
  authorName: '张*明',
  official: false,
  text: '支持',
  at: '2026-12-02T00:00:00.000Z',
  status: 'held',
  heldWords: ['x'],
};

describe('居民议事 counters', () => {
  it('a confirmed resident counts for the community; moving away takes it back', () => {
    const confirmed = Residence.toItem({ ...residence, status: 'confirmed' });
    expect(flat(changeCounts(Residence.toItem(residence), confirmed))).toEqual({ 'COUNT#COMMUNITY#beijing-abc|STAT|residents': 1 });
    const moved = Residence.toItem({ ...residence, status: 'confirmed', communityId: 'beijing-def' });
    expect(flat(changeCounts(confirmed, moved))).toEqual({ 'COUNT#COMMUNITY#beijing-abc|STAT|residents': -1, 'COUNT#COMMUNITY#beijing-def|STAT|residents': 1 });
    expect(flat(changeCounts(confirmed, undefined))).toEqual({ 'COUNT#COMMUNITY#beijing-abc|STAT|residents': -1 });
  });

  it('a ballot counts a voter and its options; a changed ballot moves one count and no voter', () => {
    expect(flat(changeCounts(undefined, Ballot.toItem(ballot)))).toEqual({ 'COUNT#TOPIC#tp_X|STAT|voters': 1, 'COUNT#TOPIC#tp_X|STAT|v_yes': 1 });
    expect(flat(changeCounts(Ballot.toItem(ballot), Ballot.toItem({ ...ballot, choices: ['no'] })))).toEqual({
      'COUNT#TOPIC#tp_X|STAT|v_yes': -1,
      'COUNT#TOPIC#tp_X|STAT|v_no': 1,
    });
  });

  it('a comment counts once shown; a support counts for its comment', () => {
    expect(flat(changeCounts(undefined, Comment.toItem(comment)))).toEqual({});
    expect(flat(changeCounts(Comment.toItem(comment), Comment.toItem({ ...comment, status: 'visible' })))).toEqual({ 'COUNT#TOPIC#tp_X|STAT|comments': 1 });
    expect(flat(changeCounts(Support.toItem('tp_X', 'u2', comment.id, comment.at), undefined))).toEqual({ [`COUNT#TOPIC#tp_X|STAT|s_${comment.id}`]: -1 });
  });
});
