import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { communityApi, communityStaffApi } from '../../../api/deliberation';
import { apiError, commentView, detail, login, resetTaro, route, showModal, yesNoVote } from '../testing';
import { emptyPlan, openBody, planProblems } from './OpenForm';
import TopicPage from './index';

jest.mock('../../../api/deliberation', () => ({
  ...jest.requireActual('../../../api/deliberation'),
  communityApi: { topic: jest.fn(), comments: jest.fn(), comment: jest.fn(), support: jest.fn(), vote: jest.fn() },
  communityStaffApi: { open: jest.fn(), decline: jest.fn(), respond: jest.fn(), followUp: jest.fn(), workOrder: jest.fn(), moderate: jest.fn() },
}));
const api = communityApi as unknown as Record<'topic' | 'comments' | 'comment' | 'support' | 'vote', jest.Mock>;
const staff = communityStaffApi as unknown as Record<'open' | 'decline' | 'respond' | 'followUp' | 'workOrder' | 'moderate', jest.Mock>;

beforeEach(() => {
  resetTaro();
  [...Object.values(api), ...Object.values(staff)].forEach((f) => f.mockReset());
  route({ id: 'tp_Topic00000001' });
  api.comments.mockResolvedValue({ items: [], nextCursor: null });
});

describe('议题详情 for a resident', () => {
  it('casts a ballot, and changes it until the close', async () => {
    login();
    api.topic.mockResolvedValueOnce(detail());
    api.vote.mockResolvedValue({ topicId: 'tp_Topic00000001', choices: ['yes'], castAt: '2026-12-03T02:00:00.000Z', changed: false });
    api.topic.mockResolvedValueOnce(detail({ vote: yesNoVote({ myChoices: ['yes'] }) }));
    render(<TopicPage />);
    const box = await screen.findByTestId('vote-box');
    expect(box).toHaveTextContent('参与人数需达到本社区已确认居民的 30%');
    fireEvent.click(within(box).getByRole('radio', { name: '赞成' }));
    fireEvent.click(screen.getByTestId('vote-submit'));
    await waitFor(() => expect(api.vote).toHaveBeenCalledWith('tp_Topic00000001', ['yes']));
    expect(await screen.findByTestId('my-choice')).toHaveTextContent('我的选择：赞成（截止前可以改票）');
    expect(screen.getByTestId('vote-submit')).toHaveTextContent('改票');
  });

  it('shows a refusal in words, keeping the choice', async () => {
    login();
    api.topic.mockResolvedValue(detail());
    api.vote.mockRejectedValue(apiError(422, '投票已截止，不能再投票或改票'));
    render(<TopicPage />);
    fireEvent.click(within(await screen.findByTestId('vote-box')).getByRole('radio', { name: '反对' }));
    fireEvent.click(screen.getByTestId('vote-submit'));
    expect(await screen.findByText('投票已截止，不能再投票或改票')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '反对' })).toHaveAttribute('aria-checked', 'true');
  });

  it('shows the result as bars named by the same words, with the officials’ response and follow-up', async () => {
    login();
    const text = '共 120 人投票，参与率 40%（要求不低于 30%）。赞成 80 票（66.7%），反对 30 票（25%），弃权 10 票（8.3%）。结果：通过。';
    api.topic.mockResolvedValue(
      detail({
        state: 'answered',
        stateName: '已回应',
        vote: yesNoVote({ phase: 'closed', canVote: false, myChoices: ['no'] }),
        result: {
          final: true,
          voters: 120,
          eligible: 300,
          turnoutPercent: 40,
          quorumMet: true,
          outcome: 'passed',
          outcomeName: '通过',
          options: [
            { id: 'yes', label: '赞成', count: 80, percent: 66.7, winner: false },
            { id: 'no', label: '反对', count: 30, percent: 25, winner: false },
            { id: 'abstain', label: '弃权', count: 10, percent: 8.3, winner: false },
          ],
          text,
          countedAt: '2026-12-19T12:01:00.000Z',
        },
        response: { text: '投票通过，下月开工。', at: '2026-12-20T02:00:00.000Z', byName: '网格员 何敏' },
        followUps: [{ text: '已完成选址。', at: '2026-12-25T02:00:00.000Z', byName: '网格员 何敏', completes: false }],
        workOrder: { no: 'SQ20261220000123', stateName: '处理中', teamName: '北京街道网格' },
        can: { comment: false, open: false, decline: false, respond: false, followUp: false, workOrder: false },
      }),
    );
    render(<TopicPage />);
    const result = await screen.findByTestId('vote-result');
    expect(within(result).getByRole('img', { name: text })).toBeInTheDocument();
    expect(screen.getByTestId('vote-result-text')).toHaveTextContent(text);
    expect(screen.getByTestId('vote-outcome')).toHaveTextContent('通过');
    expect(screen.getByTestId('vote-bar-yes')).toHaveTextContent('80 票 · 66.7%');
    expect(screen.getByTestId('response-text')).toHaveTextContent('投票通过，下月开工。');
    expect(screen.getByTestId('follow-up')).toHaveTextContent('已完成选址。');
    expect(screen.getByTestId('topic-work-order')).toHaveTextContent('已转为工单 SQ20261220000123：处理中');
    expect(screen.queryByTestId('vote-submit')).toBeNull();
    expect(screen.queryByTestId('comment-composer')).toBeNull();
  });

  it('discusses: replies under their comment, a removed comment without its words, 点赞, and a comment sent once with its key', async () => {
    login();
    api.topic.mockResolvedValue(detail());
    const first = commentView();
    api.comments.mockResolvedValue({
      items: [
        first,
        commentView({
          id: `${first.id}.c20261202110000000Reply1`,
          parentId: first.id,
          replyToName: '赵*山',
          authorName: '网格员 何敏',
          official: true,
          text: '收到。',
          supports: 0,
        }),
        commentView({ id: 'c20261202120000000Remov1', text: undefined, status: 'removed', statusName: '已移除', supports: 0 }),
      ],
      nextCursor: null,
    });
    api.support.mockResolvedValue({ commentId: first.id, supportedByMe: true });
    api.comment.mockRejectedValueOnce(apiError(0, '网络不太顺畅，请检查网络后重试', 'NETWORK')).mockResolvedValueOnce(commentView({ mine: true }));
    render(<TopicPage />);
    const reply = await screen.findByTestId(`comment-${first.id}.c20261202110000000Reply1`);
    expect(reply).toHaveClass('reply');
    expect(reply).toHaveTextContent('回复 赵*山');
    expect(screen.getByTestId('comment-c20261202120000000Remov1')).toHaveTextContent('该评论已被移除');
    fireEvent.click(screen.getByTestId(`support-${first.id}`));
    await waitFor(() => expect(api.support).toHaveBeenCalledWith('tp_Topic00000001', first.id, true));
    expect(screen.getByTestId(`support-${first.id}`)).toHaveTextContent('点赞 4');
    fireEvent.click(screen.getByRole('button', { name: '回复 赵*山' }));
    fireEvent.change(screen.getByLabelText('回复 赵*山 的评论'), { target: { value: '同意！' } });
    fireEvent.click(screen.getByTestId('comment-submit'));
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByLabelText('回复 赵*山 的评论')).toHaveValue('同意！');
    fireEvent.click(screen.getByTestId('comment-submit'));
    await waitFor(() => expect(api.comment).toHaveBeenCalledTimes(2));
    const [a, b] = api.comment.mock.calls;
    expect(a![0]).toBe(b![0]);
    expect(b!.slice(1)).toEqual(['tp_Topic00000001', { text: '同意！', replyTo: first.id }]);
    await waitFor(() => expect(screen.getByLabelText('发表评论')).toHaveValue(''));
  });
});

describe('议题详情 for the grid official', () => {
  it('opens a proposal with a vote, after asking', async () => {
    login('grid');
    api.topic.mockResolvedValue(
      detail({
        state: 'proposed',
        stateName: '提议',
        vote: undefined,
        official: true,
        can: { comment: false, open: true, decline: true, respond: false, followUp: false, workOrder: false },
      }),
    );
    staff.open.mockResolvedValue(detail());
    render(<TopicPage />);
    const form = await screen.findByTestId('open-form');
    fireEvent.click(within(form).getByRole('radio', { name: '赞成 / 反对 / 弃权' }));
    fireEvent.click(screen.getByTestId('open-submit'));
    expect(await screen.findByText('请写下投票的问题（至少 4 个字）')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('投票问题'), { target: { value: '是否同意加装路灯？' } });
    fireEvent.click(screen.getByTestId('open-submit'));
    await waitFor(() => expect(staff.open).toHaveBeenCalled());
    expect(showModal).toHaveBeenCalled();
    const [id, body] = staff.open.mock.calls[0]!;
    expect(id).toBe('tp_Topic00000001');
    expect(body).toMatchObject({ vote: { kind: 'yesno', question: '是否同意加装路灯？', quorumPercent: 30, resultsVisibility: 'live' } });
  });

  it('responds once the discussion closed', async () => {
    login('grid');
    api.topic.mockResolvedValue(
      detail({
        state: 'closed',
        stateName: '已结束',
        official: true,
        can: { comment: false, open: false, decline: false, respond: true, followUp: false, workOrder: false },
      }),
    );
    staff.respond.mockResolvedValue(detail());
    render(<TopicPage />);
    fireEvent.click(await screen.findByTestId('respond-submit'));
    expect(await screen.findByText('请写明议定了什么（至少 4 个字）')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('处理结果'), { target: { value: '居民同意，社区申请资金加装。' } });
    fireEvent.click(screen.getByTestId('respond-submit'));
    await waitFor(() => expect(staff.respond).toHaveBeenCalledWith('tp_Topic00000001', '居民同意，社区申请资金加装。'));
  });
});

describe('the open plan', () => {
  it('closes the discussion at 20:00 Beijing time on the day chosen, the vote with it or a day before; options for a choice', () => {
    const p = {
      ...emptyPlan(),
      kind: 'multiple' as const,
      question: '座椅放哪里？',
      options: ['东门', '西门', ' '],
      maxPicks: '2',
      earlyClose: true,
      startNow: false,
    };
    expect(openBody(p, '2026-12-01')).toEqual({
      closesAt: '2026-12-08T20:00:00+08:00',
      vote: {
        kind: 'multiple',
        question: '座椅放哪里？',
        options: ['东门', '西门'],
        maxPicks: 2,
        opensAt: '2026-12-02T08:00:00+08:00',
        closesAt: '2026-12-07T20:00:00+08:00',
        quorumPercent: 30,
        resultsVisibility: 'live',
      },
    });
    expect(openBody(emptyPlan(), '2026-12-01')).toEqual({ closesAt: '2026-12-08T20:00:00+08:00' });
    expect(planProblems({ ...p, options: ['东门', '东门'] })).toEqual({ options: '选项不能重复' });
  });
});
