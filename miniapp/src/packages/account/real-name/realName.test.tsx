import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { signIn } from '../../../../test/session';
import RealName from './index';

const request = Taro.request as unknown as jest.Mock;
const ok = (data: unknown) => ({ statusCode: 200, data });
const PROVEN = { id: 'u1', role: 'resident', nickname: '李小红', level: 2, verified: true, realName: '李*红', idNumber: '110***********002X' };

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  signIn({ id: 'u1', role: 'resident', nickname: '李小红', level: 1, verified: false });
});

const type = () => {
  fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李小红' } });
  fireEvent.change(screen.getByLabelText('身份证号码'), { target: { value: '11010519491231002x' } });
};

describe('实名认证', () => {
  it('explains a wrong check digit under the field and sends nothing', async () => {
    render(<RealName />);
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李小红' } });
    fireEvent.change(screen.getByLabelText('身份证号码'), { target: { value: '110105194912310021' } });
    fireEvent.click(screen.getByText('开始人脸核验'));
    expect(await screen.findByText('号码有误，请逐位核对，特别是最后一位')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    expect((screen.getByLabelText('身份证号码') as HTMLInputElement).value).toBe('110105194912310021'); // nothing typed is lost
  });

  it('proves the name by face: start, the scan (the stand-in on H5), then the server asks WeChat', async () => {
    request
      .mockResolvedValueOnce(ok({ verifyId: 'fv-1', expiresIn: 3600 }))
      .mockResolvedValueOnce(ok({ errCode: 0 }))
      .mockResolvedValueOnce(ok(PROVEN));
    render(<RealName />);
    type();
    await act(async () => {
      fireEvent.click(screen.getByText('开始人脸核验'));
    });
    await waitFor(() => expect(request).toHaveBeenCalledTimes(3));
    const [start, scan, finish] = request.mock.calls.map((c) => c[0]);
    expect(start.url).toContain('/v1/me/identity/face/start');
    expect(JSON.parse(start.data)).toEqual({ name: '李小红', idNumber: '11010519491231002X' });
    expect(scan.url).toContain('/v1/dev/face/fv-1');
    expect(JSON.parse(scan.data)).toEqual({ outcome: 'pass' });
    expect(JSON.parse(finish.data)).toEqual({ verifyId: 'fv-1', name: '李小红', idNumber: '11010519491231002X' });
    expect(await screen.findByTestId('proven')).toHaveTextContent('已通过微信人脸核验');
  });

  it('asks the server to finish even when the scan was cancelled, and shows its reason', async () => {
    (Taro.showModal as unknown as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    request
      .mockResolvedValueOnce(ok({ verifyId: 'fv-2', expiresIn: 3600 }))
      .mockResolvedValueOnce(ok({ errCode: 90002 }))
      .mockResolvedValueOnce({ statusCode: 422, data: { error: { code: 'RULE_VIOLATION', message: '您已取消人脸核验，实名认证未完成' } } });
    render(<RealName />);
    type();
    fireEvent.click(screen.getByText('开始人脸核验'));
    expect(await screen.findByText('您已取消人脸核验，实名认证未完成')).toBeInTheDocument();
    expect(JSON.parse(request.mock.calls[1][0].data)).toEqual({ outcome: 'cancel' });
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('李小红');
  });

  it('sends the H5 page to the mini-program where no stand-in plays the scan', async () => {
    request
      .mockResolvedValueOnce(ok({ verifyId: 'fv-3', expiresIn: 3600 }))
      .mockResolvedValueOnce({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '未找到相关内容' } } });
    render(<RealName />);
    type();
    fireEvent.click(screen.getByText('开始人脸核验'));
    expect(await screen.findByText(/网页版无法进行人脸核验/)).toBeInTheDocument();
    expect(request).toHaveBeenCalledTimes(2); // no finish without a scan
  });

  it('still lets a person only type their name, after confirmation, and keeps the server message on failure', async () => {
    request.mockResolvedValue({ statusCode: 409, data: { error: { code: 'CONFLICT', message: '该身份证号码已绑定其他账号，如有疑问请拨打 12345 咨询' } } });
    render(<RealName />);
    type();
    fireEvent.click(screen.getByText('暂不核验，仅填写实名信息'));
    await waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalled();
    expect(request.mock.calls[0][0].method).toBe('PUT');
    expect(await screen.findByText(/已绑定其他账号/)).toBeInTheDocument();
  });

  it('binds a phone number through the WeChat stand-in on H5 and shows it masked', async () => {
    request.mockResolvedValueOnce(ok({ ...PROVEN, level: 1, verified: false, realName: undefined, idNumber: undefined, phone: '139****5678' }));
    render(<RealName />);
    fireEvent.change(screen.getByLabelText(/手机号码/), { target: { value: '13912345678' } });
    fireEvent.click(screen.getByText('绑定手机号'));
    await waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    expect(JSON.parse(request.mock.calls[0][0].data).code).toMatch(/^phone-13912345678-/);
    expect(await screen.findByText(/已绑定 139\*\*\*\*5678/)).toBeInTheDocument();
  });
});
