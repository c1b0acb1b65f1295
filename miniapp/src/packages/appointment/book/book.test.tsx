import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { appointmentsApi } from '../../../api/appointments';
import { ApiError } from '../../../api/client';
import { CUTOFF_TEXT } from '../common';
import { apiError, appointment, day, login, pointDetail, resetTaro, route, showModal, slot, slotDays } from '../testing';
import Book from './index';

jest.mock('../../../api/appointments', () => ({ appointmentsApi: { point: jest.fn(), slots: jest.fn(), book: jest.fn() } }));
const api = appointmentsApi as unknown as Record<'point' | 'slots' | 'book', jest.Mock>;

beforeEach(() => {
  resetTaro();
  Object.values(api).forEach((f) => f.mockReset());
  api.point.mockResolvedValue(pointDetail());
  api.slots.mockResolvedValue(slotDays());
});

const bookBtn = () => screen.getByTestId('book');
/** Opens the page for the hall's 社会保障卡申领 and waits for the slots. */
async function open(params: Record<string, string> = {}) {
  route({ pointId: 'district-hall', itemId: 'social-security-card', ...params });
  render(<Book />);
  await screen.findByTestId('slot-09:00');
}

describe('预约时段', () => {
  it('chooses the item by area, then shows 15 days (今天/明天, 5+2 weekends, closed holidays) and the day’s slots with their lights', async () => {
    login();
    route({ pointId: 'district-hall' });
    api.slots.mockResolvedValue(
      slotDays(
        {},
        {
          0: { slots: [slot('09:00', { open: false, left: 3 })] },
          3: { kind: 'holiday', holidayName: '元旦', slots: [] },
          4: { kind: 'weekend', slots: [slot('09:00', { kind: 'weekend' })] },
        },
      ),
    );
    render(<Book />);
    const item = await screen.findByTestId('item-social-security-card');
    expect(screen.getByRole('radiogroup', { name: '综合受理区' })).toContainElement(item);
    expect(screen.getByRole('radiogroup', { name: '商事登记区' })).toContainElement(screen.getByTestId('item-business-license'));
    expect(api.slots).not.toHaveBeenCalled();
    fireEvent.click(item);
    await screen.findByTestId(`date-${day(0)}`);
    expect(api.slots).toHaveBeenCalledWith('district-hall', 'social-security-card', undefined, 15);
    expect(screen.getAllByTestId(/^date-/)).toHaveLength(15);
    expect(screen.getByTestId(`date-${day(0)}`)).toHaveTextContent('今天');
    expect(screen.getByTestId(`date-${day(1)}`)).toHaveTextContent('明天');
    expect(within(screen.getByTestId(`date-${day(3)}`)).getByTestId('dot-closed')).toBeInTheDocument();
    expect(screen.getByTestId(`date-${day(3)}`)).toHaveTextContent('元旦休');
    expect(screen.getByTestId(`date-${day(4)}`)).toHaveTextContent('5+2');
    expect(within(screen.getByTestId(`date-${day(4)}`)).getByTestId('dot-weekend')).toBeInTheDocument();

    // today has nothing left: tomorrow is shown first
    expect(screen.getByTestId(`date-${day(1)}`)).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('slot-09:00')).toHaveAttribute('data-light', 'green');
    expect(screen.getByTestId('slot-09:00')).toHaveTextContent('余 4/4');
    expect(screen.getByTestId('slot-09:30')).toHaveAttribute('data-light', 'amber');
    expect(screen.getByTestId('slot-09:30')).toHaveTextContent('余 1/4');
    expect(screen.getByTestId('slot-10:00')).toHaveAttribute('data-light', 'grey');
    expect(screen.getByTestId('slot-10:00')).toHaveTextContent('约满');
    expect(screen.getByTestId('slot-17:30')).toHaveTextContent('白加黑');

    fireEvent.click(screen.getByTestId(`date-${day(0)}`));
    expect(screen.getByTestId('slot-09:00')).toHaveTextContent('已截止');
    fireEvent.click(screen.getByTestId(`date-${day(3)}`));
    expect(screen.getByTestId('day-closed')).toHaveTextContent('元旦休息，不开放预约');
    expect(screen.queryByTestId('slot-09:00')).toBeNull();
  });

  it('does not let a full or past slot be chosen', async () => {
    login();
    await open();
    fireEvent.click(screen.getByTestId('slot-10:00'));
    expect(screen.getByTestId('slot-10:00')).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByTestId('slot-10:00')).toHaveAttribute('aria-disabled', 'true');
    expect(bookBtn()).toBeDisabled();
    expect(screen.queryByTestId('chosen')).toBeNull();
    fireEvent.click(screen.getByTestId('slot-09:30'));
    expect(screen.getByTestId('slot-09:30')).toHaveAttribute('aria-checked', 'true');
    expect(bookBtn()).toBeEnabled();
  });

  it('asks before booking with the point, item, time and the cut-off rule; booked, it says so and leads to 我的预约', async () => {
    login();
    api.book.mockResolvedValue(appointment({ date: day(1), start: '09:30', end: '10:00' }));
    await open();
    fireEvent.click(screen.getByTestId(`date-${day(1)}`));
    fireEvent.click(screen.getByTestId('slot-09:30'));
    expect(screen.getByTestId('chosen')).toHaveTextContent('已选：明天');

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(bookBtn());
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    const { title, content } = showModal.mock.calls[0][0];
    expect(title).toBe('确认预约');
    expect(content).toContain('越秀区政务服务中心');
    expect(content).toContain('社会保障卡申领');
    expect(content).toContain('09:30–10:00');
    expect(content).toContain(CUTOFF_TEXT);
    expect(CUTOFF_TEXT).toBe('开始前 1 小时内不能改约或取消');
    expect(api.book).not.toHaveBeenCalled();

    fireEvent.click(bookBtn());
    expect(await screen.findByTestId('booked')).toHaveTextContent('预约成功');
    expect(api.book).toHaveBeenCalledWith(expect.stringMatching(/^ap/), {
      pointId: 'district-hall',
      itemId: 'social-security-card',
      date: day(1),
      start: '09:30',
    });
    fireEvent.click(screen.getByTestId('go-mine'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/appointment/mine/index' });
  });

  it('sends one booking for a double tap, reuses the key on a retry after a failure, and takes a new one for another slot', async () => {
    login();
    let finish!: (v: unknown) => void;
    api.book
      .mockRejectedValueOnce(new ApiError(0, 'NETWORK', '网络不太顺畅，请检查网络后重试'))
      .mockRejectedValueOnce(apiError(409, '该时段已约满'))
      .mockImplementationOnce(() => new Promise((r) => (finish = r)));
    await open();
    fireEvent.click(screen.getByTestId('slot-09:00'));
    fireEvent.click(bookBtn());
    fireEvent.click(bookBtn());
    expect(await screen.findByTestId('book-error')).toHaveTextContent('网络不太顺畅');
    expect(api.book).toHaveBeenCalledTimes(1);
    expect(showModal).toHaveBeenCalledTimes(1);

    // retried as it was: the same key; the server's answer shown in place, the choices kept, the grid refreshed
    fireEvent.click(bookBtn());
    await waitFor(() => expect(screen.getByTestId('book-error')).toHaveTextContent('该时段已约满'));
    expect(api.book).toHaveBeenCalledTimes(2);
    const [first, second] = api.book.mock.calls.map((c) => c[0]);
    expect(second).toBe(first);
    await waitFor(() => expect(api.slots).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('item-social-security-card')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId(`date-${day(0)}`)).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('slot-09:00')).toHaveAttribute('aria-checked', 'true');

    // another slot is another booking: a new key
    fireEvent.click(screen.getByTestId('slot-09:30'));
    fireEvent.click(bookBtn());
    await waitFor(() => expect(api.book).toHaveBeenCalledTimes(3));
    expect(api.book.mock.calls[2][0]).not.toBe(first);
    expect(api.book.mock.calls[2][1]).toMatchObject({ start: '09:30' });
    fireEvent.click(bookBtn()); // while it is on its way
    await act(async () => finish(appointment({ start: '09:30', end: '10:00' })));
    expect(await screen.findByTestId('booked')).toBeInTheDocument();
    expect(api.book).toHaveBeenCalledTimes(3);
  });

  it('shows a suspended person the red banner and does not let them book', async () => {
    login();
    api.slots.mockResolvedValue(
      slotDays({
        standing: { noShows: ['2026-10-09', '2026-11-02', '2026-11-20'], suspendedUntil: '2026-12-20', rule: '90 天内爽约 3 次，暂停网上预约 30 天' },
      }),
    );
    await open();
    expect(screen.getByTestId('suspended')).toHaveTextContent('因 90 天内爽约 3 次，网上预约暂停至 2026-12-20');
    expect(screen.getByTestId('standing')).toHaveTextContent('90 天内预约后未到场 3 次，将暂停网上预约 30 天');
    fireEvent.click(screen.getByTestId('slot-09:00'));
    expect(bookBtn()).toBeDisabled();
    expect(bookBtn()).toHaveTextContent('网上预约已暂停');
    fireEvent.click(bookBtn());
    expect(showModal).not.toHaveBeenCalled();
    expect(api.book).not.toHaveBeenCalled();
  });

  it('books for an application: says which, and sends it with the purpose', async () => {
    login();
    api.book.mockResolvedValue(appointment({ applicationId: 'YX20261126000001', purpose: 'originals' }));
    await open({ applicationId: 'YX20261126000001', purpose: 'originals' });
    expect(screen.getByTestId('application')).toHaveTextContent('关联办件 YX20261126000001（核验原件）');
    fireEvent.click(screen.getByTestId('slot-09:00'));
    fireEvent.click(bookBtn());
    await screen.findByTestId('booked');
    expect(api.book.mock.calls[0][1]).toMatchObject({ applicationId: 'YX20261126000001', purpose: 'originals' });
    expect(screen.getByTestId('booked')).toHaveTextContent('关联办件：YX20261126000001（核验原件）');
  });

  it('lets a visitor see the slots and sends them to log in to book', async () => {
    await open();
    fireEvent.click(screen.getByTestId('slot-09:00'));
    expect(bookBtn()).toHaveTextContent('登录后预约');
    fireEvent.click(bookBtn());
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(api.book).not.toHaveBeenCalled();
  });
});
