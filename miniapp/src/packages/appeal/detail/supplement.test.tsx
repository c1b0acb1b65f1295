import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { saveSession } from '../../../api/session';
import type { WoView } from '../../../api/workorders';
import Detail from './index';

/** 补充说明 on the order's page (issue 14): the filer adds to the description until it is closed. */

const request = Taro.request as unknown as jest.Mock;
const NO = 'SQ20261130000012';
type Call = { url: string; method: string; data?: string; header: Record<string, string> };
const supplements = () => request.mock.calls.map((c) => c[0] as Call).filter((c) => c.method === 'POST' && c.url === `/v1/workorders/${NO}/supplement`);
const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });

const WORDED = '一键呼叫：设施损坏，位置：北京街道 府前社区，详见现场照片';
const oneTap = (over: Partial<WoView> = {}): WoView => ({
  no: NO,
  kind: 'community',
  category: '社区治理 / 设施损坏',
  state: 'dispatched',
  stateName: '已派单，待签收',
  description: WORDED,
  place: { lat: 23.12505, lng: 113.26915, address: '北京街道 府前社区' },
  street: 'beijing',
  teamName: '北京街道网格',
  affected: 1,
  createdAt: '2026-11-30T02:00:00Z',
  claimBy: '2026-11-30T06:00:00Z',
  replyBy: '2026-12-07',
  reopened: false,
  filer: '网格员 何敏',
  timeline: [{ at: '2026-11-30T02:00:00Z', actor: '网格员', action: '一键呼叫', note: '社区治理 / 设施损坏' }],
  mine: true,
  photoIds: ['f_scene0001'],
  ...over,
});

function login(role: Role) {
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '用户', level: 1, verified: true } });
}

function serve(current: () => WoView, supplement?: (c: Call) => unknown) {
  request.mockImplementation(async (c: Call) => {
    if (c.method === 'GET' && c.url === `/v1/workorders/${NO}`) return ok(current());
    if (c.method === 'GET' && c.url === `/v1/workorders/${NO}/photos`) return ok({ items: [] });
    if (c.method === 'POST' && c.url === `/v1/workorders/${NO}/supplement` && supplement) return supplement(c);
    throw new Error(`unexpected ${c.method} ${c.url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { no: NO } });
});

describe('补充说明', () => {
  it('lets the official who called it in replace the worded description: checked, sent with a key, the order refreshed', async () => {
    login('grid');
    let current = oneTap();
    serve(
      () => current,
      (c) => {
        current = oneTap({
          description: JSON.parse(c.data!).note,
          timeline: [...oneTap().timeline, { at: '2026-11-30T02:10:00Z', actor: '网格员', action: '补充说明', note: JSON.parse(c.data!).note }],
        });
        return ok(current);
      },
    );
    render(<Detail />);
    const panel = await screen.findByTestId('supplement');
    expect(panel).toHaveTextContent('补充后将替换为您写的内容');
    fireEvent.click(screen.getByText('写补充说明'));
    fireEvent.change(screen.getByLabelText('补充说明'), { target: { value: '坏了' } });
    fireEvent.click(screen.getByText('提交补充说明'));
    expect(await screen.findByText('请用至少 5 个字补充说明')).toBeInTheDocument();
    expect(supplements()).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('补充说明'), { target: { value: '  小区门口健身器材断裂，有儿童在玩  ' } });
    fireEvent.click(screen.getByText('提交补充说明'));
    await waitFor(() => expect(supplements()).toHaveLength(1));
    expect(JSON.parse(supplements()[0].data!)).toEqual({ note: '小区门口健身器材断裂，有儿童在玩' });
    expect(supplements()[0].header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(await screen.findByText('小区门口健身器材断裂，有儿童在玩', { selector: '.wd-desc' })).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已补充', icon: 'success' });
    expect(screen.getByText('写补充说明')).toBeInTheDocument(); // folded again
    expect(screen.getByTestId('supplement')).toHaveTextContent('承办人员会看到');
  });

  it('keeps the text and the key when it fails, so the retry adds it once', async () => {
    login('resident');
    let tries = 0;
    serve(
      () => oneTap({ kind: 'appeal', description: '菜市场后巷垃圾两天没清运', filer: '张*明' }),
      () => {
        tries += 1;
        if (tries === 1) throw new Error('request:fail timeout');
        return ok(oneTap({ kind: 'appeal', description: '菜市场后巷垃圾两天没清运\n补充说明：晚上有老鼠出没' }));
      },
    );
    render(<Detail />);
    expect(await screen.findByTestId('supplement')).toHaveTextContent('承办人员会看到');
    fireEvent.click(screen.getByText('写补充说明'));
    fireEvent.change(screen.getByLabelText('补充说明'), { target: { value: '晚上有老鼠出没' } });
    fireEvent.click(screen.getByText('提交补充说明'));
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeInTheDocument();
    expect(supplements()).toHaveLength(1);
    expect(screen.getByLabelText('补充说明')).toHaveValue('晚上有老鼠出没');
    fireEvent.click(screen.getByText('提交补充说明'));
    await waitFor(() => expect(supplements()).toHaveLength(2));
    expect(supplements()[1].header['Idempotency-Key']).toBe(supplements()[0].header['Idempotency-Key']);
    await waitFor(() => expect(screen.getByText('写补充说明')).toBeInTheDocument());
  });

  it('is not offered to a follower, to the handling side, or once the order is closed', async () => {
    for (const [role, view] of [
      ['resident', oneTap({ mine: false, photoIds: undefined })],
      ['staff', oneTap({ mine: undefined, version: 1, actions: ['claim'] })],
      ['resident', oneTap({ state: 'closed', stateName: '已关闭', rating: 'satisfied' })],
    ] as [Role, WoView][]) {
      login(role);
      serve(() => view);
      const page = render(<Detail />);
      await screen.findByTestId('category');
      expect(screen.queryByTestId('supplement')).not.toBeInTheDocument();
      page.unmount();
    }
  });
});
