/**
 * Test helpers for the 预约 / 取号 pages (imported only by *.test.tsx): a session, Taro's mocks reset, and sample answers
 * shaped as the contract (shared/src/appointments/api.ts) says the server returns them. The tests mock the api module
 * (api/appointments) itself.
 */
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import type { AppointmentView, PointDetail, PointSummary, SlotDays, SlotView, TicketView } from '../../api/appointments';
import { ApiError } from '../../api/client';
import { saveSession } from '../../api/session';
import { addDays, todayBeijing } from './common';

export function login(role: Role = 'resident') {
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '张晓明', level: 2, verified: true } });
}

export function resetTaro() {
  (Taro as unknown as { __reset: () => void }).__reset();
  for (const f of [Taro.navigateTo, Taro.redirectTo, Taro.showToast, Taro.getLocation] as unknown as jest.Mock[]) f.mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: {} });
  const showModal = Taro.showModal as unknown as jest.Mock;
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
}

export const showModal = Taro.showModal as unknown as jest.Mock;
export const route = (params: Record<string, string>) => (Taro.useRouter as jest.Mock).mockReturnValue({ params });
export const apiError = (status: number, message: string, code = 'CONFLICT') => new ApiError(status, code, message);

export const TODAY = todayBeijing();
export const day = (n: number) => addDays(TODAY, n);

export const pointSummary = (over: Partial<PointSummary> = {}): PointSummary => ({
  id: 'district-hall',
  name: '越秀区政务服务中心',
  kind: 'hall',
  address: '广州市越秀区东风中路 268 号 1–3 楼',
  phone: '020-83000000',
  hoursText: '工作日 09:00–12:00、13:30–17:30；周二、周四延时至 20:00（白加黑）；周末 09:00–12:00、13:30–17:00（5+2 预约服务）',
  lat: 23.1322,
  lng: 113.2646,
  itemCount: 24,
  weekend: true,
  evening: true,
  ...over,
});

export const pointDetail = (over: Partial<PointDetail> = {}): PointDetail => ({
  ...pointSummary(),
  geofenceMeters: 200,
  slotMinutes: 30,
  areas: [
    {
      prefix: 'A',
      name: '综合受理区',
      items: [
        { id: 'social-security-card', name: '社会保障卡申领' },
        { id: 'employment-registration', name: '就业登记' },
      ],
    },
    { prefix: 'B', name: '商事登记区', items: [{ id: 'business-license', name: '营业执照办理' }] },
  ],
  windows: [
    { no: 1, prefix: 'A', extended: true },
    { no: 3, prefix: 'B', extended: false },
  ],
  ...over,
});

export const slot = (start: string, over: Partial<SlotView> = {}): SlotView => {
  const m = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + 30;
  const end = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start, end, kind: 'day', capacity: 4, left: 4, open: true, ...over };
};

/** 15 days from today: working days with three slots, weekends closed unless `weekendOpen`, day 3 a holiday. */
export const slotDays = (over: Partial<SlotDays> = {}, dayOver: Record<number, Partial<SlotDays['days'][number]>> = {}): SlotDays => ({
  pointId: 'district-hall',
  itemId: 'social-security-card',
  itemName: '社会保障卡申领',
  days: Array.from({ length: 15 }, (_, i) => ({
    date: day(i),
    kind: 'workday' as const,
    slots: [slot('09:00'), slot('09:30', { left: 1 }), slot('10:00', { left: 0, open: false }), slot('17:30', { kind: 'evening', capacity: 2, left: 2 })],
    ...dayOver[i],
  })),
  ...over,
});

export const appointment = (over: Partial<AppointmentView> = {}): AppointmentView => ({
  id: 'ap_a1b2c3d4e5f6',
  pointId: 'district-hall',
  pointName: '越秀区政务服务中心',
  address: '广州市越秀区东风中路 268 号 1–3 楼',
  itemId: 'social-security-card',
  itemName: '社会保障卡申领',
  date: day(2),
  start: '09:00',
  end: '09:30',
  status: 'booked',
  purpose: 'consult',
  createdAt: new Date().toISOString(),
  canChange: true,
  checkInFrom: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  checkInUntil: new Date(Date.now() + 2 * 86_400_000 + 3600_000).toISOString(),
  checkInOpen: false,
  ...over,
});

export const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 'tk_q1w2e3r4t5y6',
  pointId: 'district-hall',
  pointName: '越秀区政务服务中心',
  date: TODAY,
  no: 'A012',
  prefix: 'A',
  areaName: '综合受理区',
  itemName: '社会保障卡申领',
  status: 'waiting',
  booked: true,
  appointmentId: 'ap_a1b2c3d4e5f6',
  slot: { start: '09:00', end: '09:30' },
  takenAt: new Date().toISOString(),
  ahead: 4,
  waitMinutes: 16,
  ...over,
});
