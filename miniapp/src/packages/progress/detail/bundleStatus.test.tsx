import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { bundleStatus, type ApplicationDetail, type ApplicationState } from '@yx/shared';
import { signIn } from '../../../../test/session';
import { BundleStatus } from './BundleStatus';
import Detail from './index';

const request = Taro.request as unknown as jest.Mock;
const CERT = 'YX20261126000101';
const HUKOU = 'YX20261126000102';
const INSURANCE = 'YX20261126000103';
const DEPS = { 'newborn-hukou': ['birth-medical-certificate'], 'resident-medical-insurance': ['birth-medical-certificate'] };

/** 出生一件事 as the API gives it: the combined status from the shared rules. */
function birthBundle(cert: ApplicationState, hukou: ApplicationState, insurance: ApplicationState): NonNullable<ApplicationDetail['bundle']> {
  const status = bundleStatus(DEPS, [
    { itemId: 'birth-medical-certificate', itemName: '出生医学证明首次签发', appNo: CERT, state: cert, result: '《出生医学证明》（纸质证书及电子证照）' },
    { itemId: 'newborn-hukou', itemName: '新生儿入户登记', appNo: HUKOU, state: hukou, result: '户口簿新生儿户口页' },
    { itemId: 'resident-medical-insurance', itemName: '城乡居民医保参保登记', appNo: INSURANCE, state: insurance, result: '城乡居民医保参保登记信息' },
  ]);
  return { bundleId: 'birth', name: '出生一件事', ...status };
}

const hukouWaiting: ApplicationDetail = {
  appNo: HUKOU,
  itemId: 'newborn-hukou',
  itemName: '新生儿入户登记',
  departmentName: '广州市公安局越秀区分局',
  state: 'waiting',
  stateName: '等待前置事项办结',
  submittedAt: '2026-11-26T06:05:00Z',
  light: null,
  remainingDays: null,
  deadline: '2026-11-27',
  usedDays: null,
  promisedDays: 1,
  statutoryDays: 10,
  timeline: [{ at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请', state: 'waiting' }],
  nextAction: { kind: 'wait', text: '本事项需要“一件事”中前一个事项的结果，前一事项办结后自动转交部门办理，届时开始计时' },
  deferred: [],
  materials: [],
  linked: [
    { appNo: CERT, itemName: '出生医学证明首次签发' },
    { appNo: INSURANCE, itemName: '城乡居民医保参保登记' },
  ],
  bundle: birthBundle('in_review', 'waiting', 'waiting'),
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { appNo: HUKOU } });
  signIn({ id: 'u1', role: 'resident', nickname: '张晓明', level: 2, verified: true });
});

describe('BundleStatus', () => {
  it('shows one combined status, each item with its state and an arrow from what it waits for, and the results', () => {
    render(<BundleStatus bundle={birthBundle('approved', 'accepted', 'submitted')} current={HUKOU} />);
    expect(screen.getByTestId('bundle-state')).toHaveTextContent('办理中');
    expect(screen.getByTestId('bundle-summary')).toHaveTextContent('办理中 2/3 · 已办结 1/3');
    const items = screen.getAllByTestId('bundle-item');
    expect(items.map((i) => i.getAttribute('data-phase'))).toEqual(['done', 'in_progress', 'in_progress']);
    expect(items[0]).toHaveTextContent('已办结（准予）');
    expect(within(items[1]).getByText('本件')).toBeInTheDocument();
    const arrows = screen.getAllByTestId('bundle-arrow');
    expect(arrows).toHaveLength(2);
    expect(arrows[0]).toHaveTextContent('出生医学证明首次签发办结后');
    const results = screen.getAllByTestId('bundle-result');
    expect(results.map((r) => r.getAttribute('data-ready'))).toEqual(['true', 'false', 'false']);
    expect(results[0]).toHaveTextContent('《出生医学证明》（纸质证书及电子证照）');
    expect(results[0]).toHaveTextContent('已办结，等待送达');
    // another item opens its own application; this one does not open itself again
    fireEvent.click(items[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/progress/detail/index?appNo=${CERT}` });
    fireEvent.click(items[1]);
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
  });

  it('says when everything is done, or what ended', () => {
    const r = render(<BundleStatus bundle={birthBundle('delivered', 'delivered', 'approved')} current={CERT} />);
    expect(screen.getByTestId('bundle-state')).toHaveTextContent('已全部办结');
    expect(screen.getAllByTestId('bundle-result').every((x) => x.getAttribute('data-ready') === 'true')).toBe(true);
    r.unmount();
    render(<BundleStatus bundle={birthBundle('denied', 'terminated', 'terminated')} current={HUKOU} />);
    expect(screen.getByTestId('bundle-state')).toHaveTextContent('已结束');
    expect(screen.getByTestId('bundle-summary')).toHaveTextContent('未办成 3/3');
    expect(screen.getAllByText('已终止（前置事项未办成）').length).toBeGreaterThanOrEqual(2);
  });

  it('takes the place of the linked list on the application page of a waiting member', async () => {
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url.split('?')[0] === `/v1/applications/${HUKOU}`) return { statusCode: 200, data: hukouWaiting };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Detail />);
    const section = await screen.findByTestId('bundle-status');
    expect(within(section).getByTestId('bundle-summary')).toHaveTextContent('办理中 1/3 · 等待 2/3');
    expect(screen.queryByText('“一件事”关联办件')).not.toBeInTheDocument();
    expect(screen.getByTestId('plain-progress')).toHaveTextContent('等前一事项办结后自动转部门办理，届时开始计时');
    // a waiting member may still be withdrawn
    expect(screen.getByText('撤回申请')).toBeInTheDocument();
  });
});
