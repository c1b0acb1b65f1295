import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { appointmentsApi } from '../../api/appointments';
import { apiError, pointSummary, resetTaro } from './testing';
import AppointmentHome from './index';

jest.mock('../../api/appointments', () => ({ appointmentsApi: { points: jest.fn() } }));
const points = appointmentsApi.points as jest.Mock;

beforeEach(() => {
  resetTaro();
  points.mockReset();
});

describe('预约办事', () => {
  it('lists the district hall first, then the street centres, with hours, badges and item counts; a tap opens booking there', async () => {
    points.mockResolvedValue({
      items: [
        pointSummary({
          id: 'beijing-street',
          name: '北京街便民服务中心',
          kind: 'street',
          weekend: false,
          evening: false,
          itemCount: 10,
          hoursText: '工作日 09:00–12:00；周末休息',
        }),
        pointSummary(),
      ],
    });
    render(<AppointmentHome />);
    const hall = await screen.findByTestId('point-district-hall');
    const cards = screen.getAllByTestId(/^point-/);
    expect(cards.map((c) => c.dataset.testid)).toEqual(['point-district-hall', 'point-beijing-street']);
    expect(hall).toHaveTextContent('东风中路 268 号');
    expect(hall).toHaveTextContent('周二、周四延时至 20:00');
    expect(hall).toHaveTextContent('5+2 周末可办');
    expect(hall).toHaveTextContent('白加黑 延时服务');
    expect(hall).toHaveTextContent('可预约 24 个事项');
    const street = screen.getByTestId('point-beijing-street');
    expect(street).toHaveTextContent('可预约 10 个事项');
    expect(street).not.toHaveTextContent('5+2');
    expect(street).not.toHaveTextContent('白加黑');

    fireEvent.click(street);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appointment/book/index?pointId=beijing-street' });
    fireEvent.click(screen.getByTestId('link-mine'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appointment/mine/index' });
    fireEvent.click(screen.getByTestId('link-tickets'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appointment/mine/index' });
  });

  it('says what went wrong and retries', async () => {
    points.mockRejectedValueOnce(apiError(0, '网络不太顺畅，请检查网络后重试', 'NETWORK')).mockResolvedValueOnce({ items: [pointSummary()] });
    render(<AppointmentHome />);
    expect(await screen.findByRole('alert')).toHaveTextContent('网络不太顺畅');
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByTestId('point-district-hall')).toBeInTheDocument();
    expect(points).toHaveBeenCalledTimes(2);
  });
});
