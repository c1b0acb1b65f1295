import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { appointmentsApi } from '../../../api/appointments';
import { apiError, appointment, day, login, resetTaro, showModal, slotDays, ticket } from '../testing';
import MyAppointments from './index';

jest.mock('../../../api/appointments', () => ({
  appointmentsApi: { mine: jest.fn(), tickets: jest.fn(), slots: jest.fn(), reschedule: jest.fn(), cancel: jest.fn() },
}));
const api = appointmentsApi as unknown as Record<'mine' | 'tickets' | 'slots' | 'reschedule' | 'cancel', jest.Mock>;
const NO_STANDING = { noShows: [], rule: '90 天内爽约 3 次，暂停网上预约 30 天' };

beforeEach(() => {
  resetTaro();
  Object.values(api).forEach((f) => f.mockReset());
  api.tickets.mockResolvedValue({ items: [] });
  api.slots.mockResolvedValue(slotDays());
});

const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('我的预约', () => {
  it('is for residents and firms: a visitor is asked to log in, an officer told, and nothing is asked of the server', () => {
    const r = render(<MyAppointments />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('登录后可查看您的预约和排队号');
    r.unmount();
    login('staff');
    render(<MyAppointments />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('我的预约仅供居民和企业使用');
    expect(api.mine).not.toHaveBeenCalled();
  });

  it('lists coming bookings soonest first, then the past; shows the 爽约 record and today’s numbers', async () => {
    login();
    api.mine.mockResolvedValue({
      items: [
        appointment({ id: 'ap_old0000000001', date: day(-20), status: 'no-show' }),
        appointment({ id: 'ap_far0000000001', date: day(5) }),
        appointment({ id: 'ap_old0000000002', date: day(-3), status: 'cancelled' }),
        appointment({ id: 'ap_now0000000001', date: day(0), status: 'checked-in', ticketId: 'tk_q1w2e3r4t5y6', ticketNo: 'A012', canChange: false }),
      ],
      standing: { ...NO_STANDING, noShows: [day(-20)] },
    });
    api.tickets.mockResolvedValue({ items: [ticket(), ticket({ id: 'tk_called000001', no: 'B003', status: 'called', windowNo: 3, areaName: '商事登记区' })] });
    render(<MyAppointments />);
    await screen.findByTestId('appointment-ap_far0000000001');
    expect(screen.getAllByTestId(/^appointment-/).map((c) => c.dataset.testid)).toEqual([
      'appointment-ap_now0000000001',
      'appointment-ap_far0000000001',
      'appointment-ap_old0000000002',
      'appointment-ap_old0000000001',
    ]);
    expect(screen.getAllByTestId('status-tag').map((t) => t.textContent)).toEqual(['已取号', '已预约', '已取消', '爽约']);
    expect(screen.getByTestId('standing')).toHaveTextContent(`爽约记录：${day(-20)}`);
    expect(screen.queryByTestId('suspended')).toBeNull();
    // only a coming booking before its cut-off can be moved or cancelled
    expect(screen.getByTestId('cancel-ap_far0000000001')).toBeInTheDocument();
    expect(screen.queryByTestId('cancel-ap_now0000000001')).toBeNull();
    expect(screen.queryByTestId('reschedule-ap_old0000000002')).toBeNull();

    const tickets = screen.getByTestId('tickets');
    expect(within(tickets).getByTestId('ticket-tk_q1w2e3r4t5y6')).toHaveTextContent('前面还有 4 人');
    expect(within(tickets).getByTestId('ticket-tk_called000001')).toHaveTextContent('请到 3 号窗口');
    fireEvent.click(within(tickets).getByTestId('ticket-tk_called000001'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appointment/ticket/index?id=tk_called000001' });
    fireEvent.click(screen.getByTestId('ticket-link-ap_now0000000001'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appointment/ticket/index?id=tk_q1w2e3r4t5y6' });
  });

  it('shows the suspension at the top', async () => {
    login();
    api.mine.mockResolvedValue({ items: [], standing: { ...NO_STANDING, noShows: ['2026-10-09', '2026-11-02', '2026-11-20'], suspendedUntil: '2026-12-20' } });
    render(<MyAppointments />);
    expect(await screen.findByTestId('suspended')).toHaveTextContent('因 90 天内爽约 3 次，网上预约暂停至 2026-12-20');
    expect(screen.getByTestId('standing')).toHaveTextContent('爽约记录：2026-10-09、2026-11-02、2026-11-20');
    expect(screen.getByText(/您还没有预约/)).toBeInTheDocument();
    expect(screen.getByTestId('tickets')).toHaveTextContent('今天还没有排队号');
  });

  it('asks before cancelling; declined, nothing is sent; confirmed, it is cancelled and the list reloaded', async () => {
    login();
    api.mine.mockResolvedValue({ items: [appointment()], standing: NO_STANDING });
    api.cancel.mockResolvedValue(appointment({ status: 'cancelled', canChange: false }));
    render(<MyAppointments />);
    const btn = await screen.findByTestId('cancel-ap_a1b2c3d4e5f6');
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(btn);
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '取消预约', confirmText: '确认取消' });
    expect(showModal.mock.calls[0][0].content).toContain('社会保障卡申领');
    expect(api.cancel).not.toHaveBeenCalled();

    fireEvent.click(btn);
    await waitFor(() => expect(api.cancel).toHaveBeenCalledWith('ap_a1b2c3d4e5f6'));
    await waitFor(() => expect(api.mine).toHaveBeenCalledTimes(2));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已取消预约', icon: 'success' });
  });

  it('says why a cancel was refused and shows the booking as it is now', async () => {
    login();
    api.mine
      .mockResolvedValueOnce({ items: [appointment()], standing: NO_STANDING })
      .mockResolvedValue({ items: [appointment({ status: 'checked-in', canChange: false })], standing: NO_STANDING });
    api.cancel.mockRejectedValue(apiError(409, '该预约已签到或已结束，不能取消'));
    render(<MyAppointments />);
    fireEvent.click(await screen.findByTestId('cancel-ap_a1b2c3d4e5f6'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '该预约已签到或已结束，不能取消', icon: 'none' }));
    await waitFor(() => expect(screen.queryByTestId('cancel-ap_a1b2c3d4e5f6')).toBeNull());
    expect(screen.getByTestId('status-tag')).toHaveTextContent('已取号');
  });

  it('offers 到场签到 only while check-in is open, to the arrive page with the booking and point', async () => {
    login();
    api.mine.mockResolvedValue({
      items: [
        appointment({ id: 'ap_open000000001', date: day(0), checkInFrom: soon(-10), checkInUntil: soon(50), canChange: false, checkInOpen: true }),
        appointment({ id: 'ap_later00000001', date: day(0), checkInFrom: soon(30), checkInUntil: soon(120) }),
      ],
      standing: NO_STANDING,
    });
    render(<MyAppointments />);
    fireEvent.click(await screen.findByTestId('checkin-ap_open000000001'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appointment/arrive/index?appointmentId=ap_open000000001&pointId=district-hall' });
    expect(screen.queryByTestId('checkin-ap_later00000001')).toBeNull();
    expect(screen.getByTestId('appointment-ap_later00000001')).toHaveTextContent('起可到场签到取号');
  });

  it('moves a booking to another slot of the same point and item after confirmation; a refusal shows in place', async () => {
    login();
    api.mine.mockResolvedValue({ items: [appointment()], standing: NO_STANDING });
    api.reschedule.mockRejectedValueOnce(apiError(409, '该时段已约满')).mockResolvedValueOnce(appointment({ date: day(3), start: '09:30', end: '10:00' }));
    render(<MyAppointments />);
    fireEvent.click(await screen.findByTestId('reschedule-ap_a1b2c3d4e5f6'));
    await screen.findByTestId('slot-09:00');
    expect(api.slots).toHaveBeenCalledWith('district-hall', 'social-security-card', undefined, 15);
    // the booking's own day is shown first
    expect(screen.getByTestId(`date-${day(2)}`)).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByTestId(`date-${day(3)}`));
    fireEvent.click(screen.getByTestId('slot-10:00')); // full: not chosen
    expect(screen.getByTestId('reschedule-confirm-ap_a1b2c3d4e5f6')).toBeDisabled();
    fireEvent.click(screen.getByTestId('slot-09:30'));

    fireEvent.click(screen.getByTestId('reschedule-confirm-ap_a1b2c3d4e5f6'));
    expect(await screen.findByTestId('reschedule-error')).toHaveTextContent('该时段已约满');
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '确认改约' });
    expect(showModal.mock.calls[0][0].content).toContain('开始前 1 小时内不能改约或取消');
    expect(api.reschedule).toHaveBeenCalledWith('ap_a1b2c3d4e5f6', { date: day(3), start: '09:30' });
    expect(screen.getByTestId('slot-09:30')).toHaveAttribute('aria-checked', 'true');

    fireEvent.click(screen.getByTestId('reschedule-confirm-ap_a1b2c3d4e5f6'));
    await waitFor(() => expect(api.reschedule).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByTestId('reschedule-panel-ap_a1b2c3d4e5f6')).toBeNull());
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已改约', icon: 'success' });
    expect(api.mine).toHaveBeenCalledTimes(2);
  });
});
