import { aheadOf, callOrder, callText, estimateWaitMinutes, ticketNo, type QueuedTicket } from './queue';

const t = (no: string, seq: number, takenAt: string, extra: Partial<QueuedTicket> = {}): QueuedTicket => ({ no, seq, prefix: no[0]!, takenAt, ...extra });

describe('calling order', () => {
  const now = '2026-12-05T09:40:00+08:00';
  const walkIn1 = t('A001', 1, '2026-12-05T09:01:00+08:00');
  const walkIn2 = t('A002', 2, '2026-12-05T09:05:00+08:00');
  const bookedNow = t('A003', 3, '2026-12-05T09:20:00+08:00', { slotStartsAt: '2026-12-05T09:30:00+08:00' });
  const bookedLater = t('A004', 4, '2026-12-05T09:25:00+08:00', { slotStartsAt: '2026-12-05T10:00:00+08:00' });
  const other = t('B001', 1, '2026-12-05T09:00:00+08:00');

  it('booked arrivals whose slot has begun go first, then by number', () => {
    expect(callOrder([walkIn1, walkIn2, bookedNow, bookedLater], now).map((x) => x.no)).toEqual(['A003', 'A001', 'A002', 'A004']);
  });

  it('a window calls only its area, and a transfer to it first; a transfer elsewhere is not its', () => {
    const moved = t('A005', 5, '2026-12-05T09:30:00+08:00', { transferredTo: 2 });
    expect(callOrder([walkIn1, other, moved], now, { no: 2, prefix: 'A' }).map((x) => x.no)).toEqual(['A005', 'A001']);
    expect(callOrder([walkIn1, other, moved], now, { no: 1, prefix: 'A' }).map((x) => x.no)).toEqual(['A001']);
  });

  it('ahead counts the same area only', () => {
    expect(aheadOf(walkIn2, [walkIn1, walkIn2, bookedNow, other], now)).toBe(2);
    expect(aheadOf(other, [walkIn1, other], now)).toBe(0);
  });
});

describe('numbers, wait and the spoken call', () => {
  it('A012', () => expect(ticketNo('A', 12)).toBe('A012'));
  it("the day's pace, shared among the open windows; 8 minutes a person before there is one", () => {
    expect(estimateWaitMinutes(3, { served: 0, serviceSeconds: 0 }, 1)).toBe(24);
    expect(estimateWaitMinutes(4, { served: 10, serviceSeconds: 10 * 300 }, 2)).toBe(10);
    expect(estimateWaitMinutes(0, { served: 10, serviceSeconds: 3000 }, 0)).toBe(0);
  });
  it('请 A012 号到 3 号窗口', () => expect(callText('A012', 3)).toBe('请 A012 号到 3 号窗口'));
});
