import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ApplicationDetail } from '@yx/shared';
import { startActingFor } from '../../../api/acting';
import Detail from './index';
import { calls, ok, onApplicationPage, serve as serveAt } from './testKit';

const APP = 'YX20261126000123';
const serve = (current: () => ApplicationDetail, on: Record<string, () => unknown> = {}) => serveAt(APP, current, on);
const SERIAL = 'ZM20261126000001';

/** 无犯罪记录证明, just submitted: an item issued at once as a sealed certificate. */
const submitted: ApplicationDetail = {
  appNo: APP,
  itemId: 'no-crime',
  itemName: '无犯罪记录证明',
  departmentName: '广州市公安局越秀区分局',
  state: 'submitted',
  stateName: '已提交，待受理',
  submittedAt: '2026-11-26T06:05:00Z',
  light: 'green',
  remainingDays: 3,
  deadline: '2026-12-03',
  usedDays: 0,
  promisedDays: 1,
  statutoryDays: 5,
  timeline: [{ at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请' }],
  nextAction: { kind: 'wait', text: '等待部门受理，受理后开始计算办理时限' },
  deferred: [],
  materials: [],
  linked: [],
  issuesDocument: true,
  documents: [],
};
const issued = { serial: SERIAL, title: '无犯罪记录证明', kind: 'certificate' as const, status: 'valid' as const };
const view = {
  ...issued,
  checkCode: 'AB3K7Q',
  itemId: 'no-crime',
  appNo: APP,
  departmentId: 'gaj',
  issuer: '广州市公安局越秀区分局',
  subject: '张晓明',
  issuedAt: '2026-11-26T06:06:00Z',
  verifyUrl: 'https://x/packages/verify/index',
  bytes: 48_000,
};

beforeEach(() => onApplicationPage(APP));

describe('办件详情 · 电子证明', () => {
  it('issues the certificate at once, then lists it; a tap opens it in the 证照夹', async () => {
    let current = submitted;
    serve(() => current, {
      [`POST /v1/applications/${APP}/document`]: () => {
        current = { ...submitted, state: 'delivered', stateName: '已办结', light: null, documents: [issued] };
        return ok(view);
      },
    });
    render(<Detail />);
    fireEvent.click(await screen.findByText('立即出具证明'));
    await waitFor(() => expect(calls('POST', `/v1/applications/${APP}/document`)).toHaveLength(1));
    const row = await screen.findByTestId('document-row');
    expect(row).toHaveTextContent('无犯罪记录证明');
    expect(row).toHaveTextContent(`证明编号 ${SERIAL}`);
    expect(row).toHaveTextContent('有效');
    expect(screen.queryByText('立即出具证明')).not.toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '证明已出具', icon: 'success' });
    fireEvent.click(row);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/wallet/document/index?serial=${SERIAL}` });
  });

  it('says why on a 422 (an officer has to review it first) and keeps the application as it was', async () => {
    serve(() => submitted, {
      [`POST /v1/applications/${APP}/document`]: () => ({
        statusCode: 422,
        data: { error: { code: 'UNPROCESSABLE', message: '您的信息需要民警核实后出具，请留意办理进度通知' } },
      }),
    });
    render(<Detail />);
    fireEvent.click(await screen.findByText('立即出具证明'));
    expect(await screen.findByText('您的信息需要民警核实后出具，请留意办理进度通知')).toBeInTheDocument();
    expect(screen.getByText('立即出具证明')).toBeInTheDocument();
    expect(screen.queryByTestId('document-row')).not.toBeInTheDocument();
  });

  it('offers no issue button once accepted, for an item without certificates, or while acting for a relative', async () => {
    serve(() => ({ ...submitted, state: 'accepted', stateName: '已受理' }));
    const r = render(<Detail />);
    expect(await screen.findByText('已受理')).toBeInTheDocument();
    expect(screen.queryByTestId('documents')).not.toBeInTheDocument();
    r.unmount();

    serve(() => ({ ...submitted, issuesDocument: false }));
    const r2 = render(<Detail />);
    expect(await screen.findByText('已提交，待受理')).toBeInTheDocument();
    expect(screen.queryByText('立即出具证明')).not.toBeInTheDocument();
    r2.unmount();

    startActingFor({ userId: 'u_mother', name: '周*' });
    serve(() => ({ ...submitted, documents: [{ ...issued, kind: 'notice', title: '受理通知书' }] }));
    render(<Detail />);
    const row = await screen.findByTestId('document-row');
    expect(screen.queryByText('立即出具证明')).not.toBeInTheDocument();
    expect(screen.getByText('电子证明在申请人本人的证照夹中查看。')).toBeInTheDocument();
    fireEvent.click(row);
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});
