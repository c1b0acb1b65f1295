import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { communityApi, communityStaffApi } from '../../api/deliberation';
import CommunityTopics from './index';
import RaiseTopic from './raise/index';
import MyCommunity from './residence/index';
import { apiError, confirmed, FUQIAN, login, resetTaro, route, showModal, summary } from './testing';

jest.mock('../../api/deliberation', () => ({
  ...jest.requireActual('../../api/deliberation'),
  communityApi: { myResidence: jest.fn(), communities: jest.fn(), declare: jest.fn(), leave: jest.fn(), topics: jest.fn(), raise: jest.fn() },
  communityStaffApi: { summary: jest.fn() },
}));
const api = communityApi as unknown as Record<'myResidence' | 'communities' | 'declare' | 'leave' | 'topics' | 'raise', jest.Mock>;
const staffApi = communityStaffApi as unknown as Record<'summary', jest.Mock>;

const STREETS = {
  streets: [
    {
      id: 'beijing',
      name: '北京街道',
      communities: [
        { id: FUQIAN, name: '府前社区', addressKnown: true },
        { id: 'beijing-2zzzzzz', name: '新建社区', addressKnown: false },
      ],
    },
  ],
};
const LIST = { community: { id: FUQIAN, name: '府前社区', streetName: '北京街道' }, official: false, canRaise: true, nextCursor: null };

beforeEach(() => {
  resetTaro();
  Object.values(api).forEach((f) => f.mockReset());
  staffApi.summary.mockReset();
  api.communities.mockResolvedValue(STREETS);
});

describe('居民议事 list', () => {
  it('is for residents and grid officials; a visitor is asked to log in and nothing is asked of the server', () => {
    render(<CommunityTopics />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('登录后可以参与您所在社区的议事和投票');
    expect(api.myResidence).not.toHaveBeenCalled();
  });

  it('says what to do first: prove one’s name, declare a community, wait for the grid official', async () => {
    login();
    api.myResidence.mockResolvedValueOnce({ proven: false, residence: null });
    const r = render(<CommunityTopics />);
    expect(await screen.findByTestId('needs-proof')).toHaveTextContent('请先完成人脸核验实名');
    r.unmount();
    api.myResidence.mockResolvedValueOnce({ proven: true, residence: null });
    const r2 = render(<CommunityTopics />);
    fireEvent.click(await screen.findByTestId('go-residence'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/community/residence/index' });
    r2.unmount();
    api.myResidence.mockResolvedValueOnce(confirmed({ status: 'pending', statusName: '待网格员确认', address: '越秀区某大院 3 号' }));
    render(<CommunityTopics />);
    expect(await screen.findByTestId('residence-waiting')).toHaveTextContent('待府前社区网格员确认');
    expect(api.topics).not.toHaveBeenCalled();
  });

  it('a confirmed resident sees the community’s topics and may raise one', async () => {
    login();
    api.myResidence.mockResolvedValue(confirmed());
    api.topics.mockResolvedValue({
      ...LIST,
      items: [
        summary(),
        summary({ id: 'tp_Topic00000002', title: '后巷加装路灯', state: 'proposed', stateName: '提议', hasVote: false, voters: undefined, mine: true }),
      ],
    });
    render(<CommunityTopics />);
    expect(await screen.findByTestId('community-head')).toHaveTextContent('府前社区');
    expect(api.topics).toHaveBeenCalledWith(FUQIAN, undefined);
    expect(screen.getByTestId('topic-tp_Topic00000001')).toHaveTextContent('12 人已投票');
    expect(screen.getByTestId('topic-tp_Topic00000002')).toHaveTextContent('我提出的');
    fireEvent.click(screen.getByTestId('topic-tp_Topic00000001'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/community/topic/index?id=tp_Topic00000001' });
    fireEvent.click(screen.getByTestId('raise-topic'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/community/raise/index?communityId=${FUQIAN}` });
  });

  it('a grid official sees their community’s topics and the way to the 工作台', async () => {
    login('grid');
    staffApi.summary.mockResolvedValue({
      id: FUQIAN,
      name: '府前社区',
      street: 'beijing',
      streetName: '北京街道',
      pendingResidences: 1,
      heldComments: 0,
      proposedTopics: 1,
    });
    api.topics.mockResolvedValue({ ...LIST, official: true, canRaise: false, items: [] });
    render(<CommunityTopics />);
    fireEvent.click(await screen.findByText('议事工作台'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/community/index' });
    expect(screen.queryByTestId('raise-topic')).toBeNull();
    expect(api.myResidence).not.toHaveBeenCalled();
  });
});

describe('我的社区', () => {
  it('declares a community with an address; a missing choice is named, nothing sent', async () => {
    login();
    api.myResidence.mockResolvedValue({ proven: true, residence: null });
    api.declare.mockResolvedValue(confirmed());
    render(<MyCommunity />);
    fireEvent.click(await screen.findByTestId('residence-submit'));
    expect(await screen.findByText('请选择所在社区')).toBeInTheDocument();
    expect(api.declare).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('radio', { name: '府前社区' }));
    expect(screen.getByText(/提交后即时确认/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('居住地址'), { target: { value: '越秀区府前路 1 号 3 栋 502' } });
    fireEvent.click(screen.getByTestId('residence-submit'));
    await waitFor(() => expect(api.declare).toHaveBeenCalledWith({ communityId: FUQIAN, address: '越秀区府前路 1 号 3 栋 502' }));
    expect(await screen.findByTestId('residence-status')).toHaveTextContent('已确认');
  });

  it('asks before 已搬离; confirmed, the residence is gone', async () => {
    login();
    api.myResidence.mockResolvedValue(confirmed());
    api.leave.mockResolvedValue({ proven: true, residence: null });
    render(<MyCommunity />);
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(await screen.findByText('已搬离'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(api.leave).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('已搬离'));
    await waitFor(() => expect(api.leave).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByTestId('residence-current')).toBeNull());
  });
});

describe('提出议题', () => {
  it('checks the words, keeps the draft on the phone, sends once with its key and opens the new topic', async () => {
    login();
    route({ communityId: FUQIAN });
    api.myResidence.mockResolvedValue(confirmed());
    render(<RaiseTopic />);
    fireEvent.click(await screen.findByTestId('raise-submit'));
    expect(await screen.findByText(/议题标题至少 4 个字/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('议题标题'), { target: { value: '后巷加装路灯' } });
    fireEvent.change(screen.getByLabelText('议题内容'), { target: { value: '后巷晚上很黑，老人出门容易摔倒。' } });
    expect(Taro.getStorageSync('community-raise-draft')).toMatchObject({ title: '后巷加装路灯' });
    api.raise.mockRejectedValueOnce(apiError(503, '服务暂时不可用，请稍后再试', 'UNAVAILABLE'));
    fireEvent.click(screen.getByTestId('raise-submit'));
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeInTheDocument();
    api.raise.mockResolvedValueOnce({ id: 'tp_NewTopic00001' });
    fireEvent.click(screen.getByTestId('raise-submit'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/community/topic/index?id=tp_NewTopic00001' }));
    const [first, second] = api.raise.mock.calls;
    expect(first![0]).toBe(second![0]); // the retry is the same action
    expect(second!.slice(1)).toEqual([FUQIAN, { title: '后巷加装路灯', details: '后巷晚上很黑，老人出门容易摔倒。' }]);
    expect(Taro.getStorageSync('community-raise-draft')).toBe('');
  });
});
