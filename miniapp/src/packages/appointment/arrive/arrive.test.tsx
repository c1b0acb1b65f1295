import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { appointmentsApi } from '../../../api/appointments';
import { apiError, appointment, day, login, pointDetail, pointSummary, resetTaro, route, ticket, TODAY } from '../testing';
import { LOCATION_FAILED, NOT_CHECK_IN_CODE, parseCheckIn } from './checkIn';
import Arrive from './index';

jest.mock('../../../api/appointments', () => ({ appointmentsApi: { points: jest.fn(), point: jest.fn(), mine: jest.fn(), arrive: jest.fn() } }));
const api = appointmentsApi as unknown as Record<'points' | 'point' | 'mine' | 'arrive', jest.Mock>;
const scanCode = jest.fn();
(Taro as unknown as { scanCode: jest.Mock }).scanCode = scanCode;
const getLocation = Taro.getLocation as unknown as jest.Mock;

const STANDING = { noShows: [], rule: '' };
const TODAYS = appointment({ id: 'ap_today0000001', date: TODAY, start: '10:00', end: '10:30' });

beforeEach(() => {
  resetTaro();
  Object.values(api).forEach((f) => f.mockReset());
  scanCode.mockReset();
  api.point.mockResolvedValue(pointDetail());
  api.points.mockResolvedValue({ items: [pointSummary()] });
  api.mine.mockResolvedValue({
    items: [
      TODAYS,
      appointment({ id: 'ap_tomorrow00001', date: day(1) }),
      appointment({ id: 'ap_elsewhere0001', date: TODAY, pointId: 'beijing-street' }),
      appointment({ id: 'ap_cancelled0001', date: TODAY, status: 'cancelled' }),
      appointment({ id: 'ap_taken00000001', date: TODAY, status: 'checked-in', itemName: '就业登记', ticketId: 'tk_taken0000001', ticketNo: 'A007' }),
    ],
    standing: STANDING,
    today: TODAY,
  });
  api.arrive.mockResolvedValue(ticket({ id: 'tk_new000000001' }));
});

describe('签到取号', () => {
  it('reads the point and code from what the hall’s QR code holds', () => {
    expect(parseCheckIn('/packages/appointment/arrive/index?pointId=district-hall&code=K7M2Q9XP')).toEqual({ pointId: 'district-hall', code: 'K7M2Q9XP' });
    expect(parseCheckIn(`https://yx.example.cn/m?q=${encodeURIComponent('/packages/appointment/arrive/index?pointId=district-hall&code=K7M2Q9XP')}`)).toEqual({
      pointId: 'district-hall',
      code: 'K7M2Q9XP',
    });
    expect(parseCheckIn('https://example.com/some/page')).toEqual({});
  });

  it('opened from the hall’s QR code: today’s booking here is chosen, and 签到取号 gets the number and opens its page', async () => {
    login();
    route({ pointId: 'district-hall', code: 'K7M2Q9XP' });
    render(<Arrive />);
    expect(await screen.findByTestId('code-ok')).toHaveTextContent('已识别大厅签到码');
    // only today's booked ones at this point
    expect(screen.getAllByTestId(/^booking-/).map((b) => b.dataset.testid)).toEqual(['booking-ap_today0000001']);
    expect(screen.getByTestId('booking-ap_today0000001')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('taken-ap_taken00000001')).toHaveTextContent('“就业登记”今天已取号 A007');
    expect(screen.getByTestId('arrive')).toHaveTextContent('签到取号');
    fireEvent.click(screen.getByTestId('arrive'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/appointment/ticket/index?id=tk_new000000001' }));
    expect(api.arrive).toHaveBeenCalledWith(expect.stringMatching(/^ar/), 'district-hall', { code: 'K7M2Q9XP', appointmentId: 'ap_today0000001' });
    expect(getLocation).not.toHaveBeenCalled();
  });

  it('takes a walk-in number for an item; the server’s message shows in place and a retry sends the same key', async () => {
    login();
    route({ pointId: 'district-hall', code: 'K7M2Q9XP' });
    api.mine.mockResolvedValue({ items: [], standing: STANDING, today: TODAY });
    api.arrive
      .mockRejectedValueOnce(apiError(400, '签到码已过期，请重新扫描大厅的二维码', 'VALIDATION'))
      .mockResolvedValueOnce(ticket({ id: 'tk_new000000001', booked: false }));
    render(<Arrive />);
    await screen.findByTestId('code-ok');
    fireEvent.click(screen.getByTestId('arrive'));
    expect(await screen.findByTestId('arrive-error')).toHaveTextContent('请选择要办理的事项');
    expect(api.arrive).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('item-employment-registration'));
    fireEvent.click(screen.getByTestId('arrive'));
    await waitFor(() => expect(screen.getByTestId('arrive-error')).toHaveTextContent('签到码已过期，请重新扫描大厅的二维码'));
    expect(screen.getByTestId('item-employment-registration')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByTestId('arrive'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.arrive.mock.calls[1]).toEqual([api.arrive.mock.calls[0][0], 'district-hall', { code: 'K7M2Q9XP', itemId: 'employment-registration' }]);
  });

  it('without a code, checks in by the phone’s location, and says what to do when there is none', async () => {
    login();
    route({ pointId: 'district-hall', appointmentId: 'ap_today0000001' });
    getLocation.mockRejectedValueOnce(new Error('getLocation:fail auth deny'));
    render(<Arrive />);
    expect(await screen.findByTestId('code-none')).toHaveTextContent('用当前位置签到');
    expect(screen.getByTestId('booking-ap_today0000001')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByTestId('arrive'));
    expect(await screen.findByTestId('arrive-error')).toHaveTextContent(LOCATION_FAILED);
    expect(api.arrive).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('arrive'));
    await waitFor(() => expect(api.arrive).toHaveBeenCalledTimes(1));
    expect(getLocation).toHaveBeenLastCalledWith({ type: 'gcj02' });
    expect(api.arrive.mock.calls[0][2]).toEqual({ location: { lat: 23.12505, lng: 113.26915, system: 'gcj02' }, appointmentId: 'ap_today0000001' });
  });

  it('scans the hall’s code with 扫码签到; something else scanned is said plainly', async () => {
    login();
    route({});
    scanCode
      .mockResolvedValueOnce({ result: 'https://example.com/menu', path: '' })
      .mockResolvedValueOnce({ result: '', path: 'packages/appointment/arrive/index?pointId=district-hall&code=K7M2Q9XP' });
    render(<Arrive />);
    expect(await screen.findByTestId('point-district-hall')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('scan'));
    expect(await screen.findByText(NOT_CHECK_IN_CODE)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('scan'));
    expect(await screen.findByTestId('code-ok')).toBeInTheDocument();
    expect(api.point).toHaveBeenCalledWith('district-hall');
    fireEvent.click(screen.getByTestId('arrive'));
    await waitFor(() => expect(api.arrive).toHaveBeenCalledWith(expect.any(String), 'district-hall', { code: 'K7M2Q9XP', appointmentId: 'ap_today0000001' }));
  });

  it('lets the person say which point they are at when they came without a code', async () => {
    login();
    route({});
    render(<Arrive />);
    fireEvent.click(await screen.findByTestId('point-district-hall'));
    expect(await screen.findByTestId('code-none')).toBeInTheDocument();
    expect(api.point).toHaveBeenCalledWith('district-hall');
  });

  it('asks a visitor to log in first', () => {
    route({ pointId: 'district-hall', code: 'K7M2Q9XP' });
    render(<Arrive />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('登录后签到取号');
    expect(api.point).not.toHaveBeenCalled();
  });
});
