import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import RealName from './index';

const request = Taro.request as unknown as jest.Mock;

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role: 'resident', nickname: '李小红', verified: false },
  });
});

describe('实名认证 form', () => {
  it('explains a wrong check digit under the field and sends nothing', async () => {
    render(<RealName />);
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李小红' } });
    fireEvent.change(screen.getByLabelText('身份证号码'), { target: { value: '110105194912310021' } });
    fireEvent.click(screen.getByText('提交认证'));
    expect(await screen.findByText('校验位不正确，请核对')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    expect((screen.getByLabelText('身份证号码') as HTMLInputElement).value).toBe('110105194912310021'); // nothing typed is lost
  });

  it('submits a valid ID after confirmation and keeps the server message on failure', async () => {
    request.mockResolvedValue({ statusCode: 409, data: { error: { code: 'CONFLICT', message: '该身份证号码已绑定其他账号，如有疑问请拨打 12345 咨询' } } });
    render(<RealName />);
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李小红' } });
    fireEvent.change(screen.getByLabelText('身份证号码'), { target: { value: '11010519491231002x' } });
    fireEvent.click(screen.getByText('提交认证'));
    await waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalled();
    const sent = request.mock.calls[0][0];
    expect(sent.method).toBe('PUT');
    expect(JSON.parse(sent.data)).toEqual({ name: '李小红', idNumber: '11010519491231002X' });
    expect(await screen.findByText(/已绑定其他账号/)).toBeInTheDocument();
  });
});
