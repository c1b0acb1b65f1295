import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { saveSession } from '../../../api/session';
import type { WoView } from '../../../api/workorders';
import Detail from './index';

/** 我要投诉 (issue 20): the order's page names the firm complained about, to the filer and to those handling it. */

const request = Taro.request as unknown as jest.Mock;
const NO = 'SQ20261126000031';
const FIRM = { code: '91440104MA5H6TK2QE', name: '广州越秀北京路陈记糖水有限公司' };

const base: WoView = {
  no: NO,
  kind: 'appeal',
  category: '营商环境 / 消费投诉',
  state: 'dispatched',
  stateName: '已派单，待签收',
  description: '买的双皮奶份量明显不足，要求退款被拒绝',
  teamName: '区市场监管局',
  affected: 1,
  createdAt: '2026-11-24T12:00:00Z',
  claimBy: '2026-11-25T10:00:00Z',
  replyBy: '2026-12-08',
  reopened: false,
  filer: '黄*明',
  timeline: [{ at: '2026-11-24T12:00:00Z', actor: '黄*明', action: '提交诉求', note: `营商环境 / 消费投诉，投诉对象：${FIRM.name}` }],
};

function open(role: Role, view: WoView) {
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '用户', level: 1, verified: true } });
  request.mockImplementation(async (c: { url: string; method: string }) => {
    if (c.method === 'GET' && c.url === `/v1/workorders/${NO}`) return { statusCode: 200, data: view };
    if (c.method === 'GET' && c.url === `/v1/workorders/${NO}/photos`) return { statusCode: 200, data: { items: [] } };
    if (c.method === 'GET' && c.url === '/v1/departments') return { statusCode: 200, data: { items: [] } };
    throw new Error(`unexpected ${c.method} ${c.url}`);
  });
  render(<Detail />);
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { no: NO } });
});

describe('投诉对象 on the order', () => {
  it('shows the filer the firm by name', async () => {
    open('resident', { ...base, mine: true, photoIds: [], aboutFirm: FIRM });
    expect(await screen.findByTestId('about-firm')).toHaveTextContent(`投诉对象${FIRM.name}`);
    expect(screen.queryByText(FIRM.code)).not.toBeInTheDocument();
    expect(screen.getByText(`营商环境 / 消费投诉，投诉对象：${FIRM.name}`)).toBeInTheDocument();
  });

  it('shows the handlers the firm and its code', async () => {
    open('staff', { ...base, version: 1, photoIds: [], actions: ['claim'], aboutFirm: FIRM });
    expect(await screen.findByTestId('about-firm')).toHaveTextContent(`投诉对象${FIRM.name}`);
    expect(screen.getByText(FIRM.code)).toBeInTheDocument();
  });

  it('says nothing of a firm when the order names none', async () => {
    open('resident', { ...base, mine: true, photoIds: [] });
    expect(await screen.findByText(base.description)).toBeInTheDocument();
    expect(screen.queryByTestId('about-firm')).not.toBeInTheDocument();
  });
});
