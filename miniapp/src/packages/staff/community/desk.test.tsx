import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { communityApi, communityStaffApi } from '../../../api/deliberation';
import { commentView, FUQIAN, login, resetTaro, summary } from '../../community/testing';
import CommunityDesk from './index';

jest.mock('../../../api/deliberation', () => ({
  ...jest.requireActual('../../../api/deliberation'),
  communityApi: { topics: jest.fn() },
  communityStaffApi: { summary: jest.fn(), residences: jest.fn(), decide: jest.fn(), moderation: jest.fn(), moderate: jest.fn() },
}));
const api = communityApi as unknown as Record<'topics', jest.Mock>;
const staff = communityStaffApi as unknown as Record<'summary' | 'residences' | 'decide' | 'moderation' | 'moderate', jest.Mock>;
const SUMMARY = { id: FUQIAN, name: '府前社区', street: 'beijing', streetName: '北京街道', pendingResidences: 1, heldComments: 1, proposedTopics: 2 };
const LIST = { community: { id: FUQIAN, name: '府前社区', streetName: '北京街道' }, official: true, canRaise: false, nextCursor: null };

beforeEach(() => {
  resetTaro();
  [...Object.values(api), ...Object.values(staff)].forEach((f) => f.mockReset());
  staff.summary.mockResolvedValue(SUMMARY);
  api.topics.mockResolvedValue({
    ...LIST,
    items: [summary({ id: 'tp_Proposal00001', state: 'proposed', stateName: '提议', hasVote: false, voters: undefined })],
  });
});

describe('社区议事工作台', () => {
  it('is for grid officials only', () => {
    login('resident');
    render(<CommunityDesk />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('社区议事工作台仅供网格员使用');
    expect(staff.summary).not.toHaveBeenCalled();
  });

  it('names what waits on each tab; a proposal opens the topic to act on', async () => {
    login('grid');
    render(<CommunityDesk />);
    expect(await screen.findByTestId('desk-head')).toHaveTextContent('府前社区');
    expect(screen.getByRole('tab', { name: '待审议 2' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: '居民确认 1' })).toBeInTheDocument();
    await waitFor(() => expect(api.topics).toHaveBeenCalledWith(FUQIAN, undefined, 'proposed'));
    fireEvent.click(await screen.findByTestId('desk-topic-tp_Proposal00001'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/community/topic/index?id=tp_Proposal00001' });
  });

  it('confirms a resident, or refuses only with a reason', async () => {
    login('grid');
    staff.residences.mockResolvedValue({
      items: [
        { userId: 'u-a', name: '林小新', address: '越秀区某大院 3 号', status: 'pending', statusName: '待网格员确认', declaredAt: '2026-12-01T02:00:00.000Z' },
        { userId: 'u-b', name: '陈大文', address: '越秀区某大院 5 号', status: 'pending', statusName: '待网格员确认', declaredAt: '2026-12-01T03:00:00.000Z' },
      ],
      nextCursor: null,
    });
    staff.decide.mockResolvedValue({ items: [], nextCursor: null });
    render(<CommunityDesk />);
    fireEvent.click(await screen.findByRole('tab', { name: '居民确认 1' }));
    fireEvent.click(await screen.findByTestId('confirm-u-a'));
    await waitFor(() => expect(staff.decide).toHaveBeenCalledWith('u-a', { confirm: true }));
    await waitFor(() => expect(screen.queryByTestId('residence-u-a')).toBeNull());
    fireEvent.click(screen.getByText('不予确认'));
    fireEvent.click(screen.getByText('确认不予确认'));
    expect(await screen.findByText(/请写明原因/)).toBeInTheDocument();
    expect(staff.decide).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByLabelText('不予确认的原因'), { target: { value: '不在本社区' } });
    fireEvent.click(screen.getByText('确认不予确认'));
    await waitFor(() => expect(staff.decide).toHaveBeenLastCalledWith('u-b', { confirm: false, reason: '不在本社区' }));
  });

  it('releases a held comment or removes it with a reason', async () => {
    login('grid');
    const held = {
      ...commentView({ status: 'held', statusName: '待审核', text: '楼下有人赌博' }),
      topicId: 'tp_Topic00000001',
      topicTitle: '楼道噪音',
      heldWords: ['赌博'],
    };
    staff.moderation.mockResolvedValue({ items: [held], nextCursor: null });
    staff.moderate.mockResolvedValue(held);
    render(<CommunityDesk />);
    fireEvent.click(await screen.findByRole('tab', { name: '评论审核 1' }));
    expect(await screen.findByTestId(`held-${held.id}`)).toHaveTextContent('含有：赌博');
    fireEvent.click(screen.getByText('恢复显示'));
    await waitFor(() => expect(staff.moderate).toHaveBeenCalledWith('tp_Topic00000001', held.id, { action: 'release' }));
  });
});
