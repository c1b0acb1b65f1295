import { ReplyBody, ExtendBody } from './api';
import { clarifyBy, clarifyRefusal, disclosureClock, extensionRefusal, isFrequentRequester, replyDeadline, thirdPartyDue } from './rules';

describe('依申请公开 deadlines (政府信息公开条例)', () => {
  it('replies within 20 working days of receipt, across 国庆 2026', () => {
    // received Mon 2026-09-21: 中秋 09-25 and 国庆 10-01..07 are off, 09-20 and 10-10 are make-up working days
    expect(replyDeadline({ receivedOn: '2026-09-21' })).toBe('2026-10-26');
  });
  it('an extension of up to 20 working days moves the deadline (art. 33)', () => {
    expect(replyDeadline({ receivedOn: '2026-09-21', extensionDays: 20 })).toBe('2026-11-23');
  });
  it('counts again from the day the 补正 answer arrives (art. 30)', () => {
    expect(replyDeadline({ receivedOn: '2026-09-21', restartedOn: '2026-10-12' })).toBe('2026-11-09');
  });
  it('does not count the days a third party or another body was asked (art. 33)', () => {
    expect(replyDeadline({ receivedOn: '2026-11-02', pausedDays: 5 })).toBe(replyDeadline({ receivedOn: '2026-11-09' }));
    expect(thirdPartyDue('2026-11-02')).toBe('2026-11-23');
  });
  it('allows one 补正 notice within 7 working days of receipt', () => {
    expect(clarifyBy('2026-09-28')).toBe('2026-10-13'); // 09-29, 09-30, 10-08, 10-09, 10-10 (make-up), 10-12, 10-13
    expect(clarifyRefusal({ receivedOn: '2026-09-28', clarified: false, today: '2026-10-13' })).toBeUndefined();
    expect(clarifyRefusal({ receivedOn: '2026-09-28', clarified: false, today: '2026-10-14' })).toMatch('7 个工作日');
    expect(clarifyRefusal({ receivedOn: '2026-09-28', clarified: true, today: '2026-09-29' })).toMatch('一次性');
  });
  it('extends once, at most 20 days, before the deadline; art. 35 only for frequent requesters', () => {
    const base = { basis: 'art33' as const, days: 20, alreadyExtended: false, deadline: '2026-10-26', today: '2026-10-20', frequent: false };
    expect(extensionRefusal(base)).toBeUndefined();
    expect(extensionRefusal({ ...base, days: 21 })).toMatch('20');
    expect(extensionRefusal({ ...base, alreadyExtended: true })).toMatch('一次');
    expect(extensionRefusal({ ...base, today: '2026-10-27' })).toMatch('届满');
    expect(extensionRefusal({ ...base, basis: 'art35', days: 40 })).toMatch('第三十五条');
    expect(extensionRefusal({ ...base, basis: 'art35', days: 40, frequent: true })).toBeUndefined();
    expect(extensionRefusal({ ...base, basis: 'art35', days: 61, frequent: true })).toMatch('60');
  });
  it('calls 10 requests in 30 days frequent (art. 35)', () => {
    const days = Array.from({ length: 10 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`);
    expect(isFrequentRequester(days, '2026-11-30')).toBe(true);
    expect(isFrequentRequester(days.slice(1), '2026-11-30')).toBe(false);
    expect(isFrequentRequester(days, '2026-12-10')).toBe(false); // 11-10 is 30 days back: outside
  });
  it('shows the days used and left', () => {
    expect(disclosureClock({ receivedOn: '2026-11-02', extensionDays: 10, pausedDays: 2 }, '2026-11-09')).toEqual({
      deadline: replyDeadline({ receivedOn: '2026-11-02', extensionDays: 10, pausedDays: 2 }),
      limit: 30,
      used: 3,
      remaining: 27,
    });
  });
});

describe('the reply and extension bodies', () => {
  it('asks each kind of reply for what it needs', () => {
    const bad = (b: object) => ReplyBody.safeParse({ version: 1, text: '经检索，现答复如下。', ...b });
    expect(
      bad({ kind: 'partial', files: ['f_abcdefgh12'] })
        .error?.issues.map((i) => i.path[0])
        .sort(),
    ).toEqual(['exemption', 'withheld']);
    expect(bad({ kind: 'published' }).error?.issues[0].message).toMatch('获取该信息的方式');
    expect(bad({ kind: 'repeated' }).error?.issues[0].path).toEqual(['earlierAppNo']);
    expect(bad({ kind: 'not_exist' }).success).toBe(true);
    expect(bad({ kind: 'not_ours', rightBody: { name: '广州市规划和自然资源局' } }).success).toBe(true);
    expect(bad({ kind: 'disclosed', files: ['f_abcdefgh12'] }).success).toBe(true);
    expect(bad({ kind: 'withheld', exemption: 'process' }).success).toBe(true);
    expect(bad({ kind: 'nope' }).success).toBe(false);
  });
  it('checks an extension body', () => {
    expect(ExtendBody.safeParse({ version: 1, basis: 'art33', days: 20, approvedBy: '李主任', reason: '需调取档案' }).success).toBe(true);
    expect(ExtendBody.safeParse({ version: 1, basis: 'art33', days: 0, approvedBy: '李主任', reason: '需调取档案' }).success).toBe(false);
    expect(ExtendBody.safeParse({ version: 1, basis: 'art33', days: 5, approvedBy: '', reason: '需调取档案' }).error?.issues[0].message).toMatch('批准人');
  });
});
