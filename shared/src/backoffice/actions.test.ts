import { allowedActions, STAFF_ACTIONS, StaffActionBodies } from './actions';

describe('staff actions', () => {
  it('allows each action only from its states', () => {
    expect(allowedActions('submitted').sort()).toEqual(['accept', 'notAccept', 'requestSupplement']);
    expect(allowedActions('accepted').sort()).toEqual(['requestSupplement', 'startReview']);
    expect(allowedActions('in_review').sort()).toEqual(['approve', 'deny', 'requestSupplement', 'startExcluded']);
    // during a 特别程序 only its end
    expect(allowedActions('in_review', true)).toEqual(['endExcluded']);
    expect(allowedActions('approved')).toEqual(['deliver']);
    for (const s of ['supplement', 'withdrawn', 'denied', 'delivered', 'not_accepted'] as const) expect(allowedActions(s)).toEqual([]);
    expect(STAFF_ACTIONS.requestSupplement.to).toBe('supplement');
  });

  it('asks for reasons in Chinese', () => {
    expect(StaffActionBodies.deliver.safeParse({ version: 3, method: 'post' }).error?.issues[0].message).toBe('邮寄送达需填写邮件单号');
    expect(StaffActionBodies.requestSupplement.safeParse({ version: 1, items: [] }).error?.issues[0].message).toBe('一次性告知至少列出一项材料');
    expect(StaffActionBodies.notAccept.safeParse({ version: 1, reason: '其他', detail: '材料与申请事项不符' }).success).toBe(true);
    expect(StaffActionBodies.startExcluded.safeParse({ version: 1, kind: 'picnic', note: '组织专家评审' }).error?.issues[0].message).toContain(
      '请选择特别程序',
    );
  });
});
