import { agentMayAct, grantEndProblem, type AgentGrantFacts } from './firmAgents';

const grant = (over: Partial<AgentGrantFacts> = {}): AgentGrantFacts => ({
  status: 'accepted',
  expiresOn: '2027-06-30',
  allItems: false,
  itemIds: ['food-business-licence'],
  commitments: false,
  ...over,
});
const act = (over: Partial<Parameters<typeof agentMayAct>[1]> = {}) => ({
  itemIds: ['food-business-licence'],
  commitment: false,
  today: '2026-11-30',
  ...over,
});

describe('agentMayAct (经办人授权)', () => {
  it('lets an accepted, current grant act on the items in its scope', () => {
    expect(agentMayAct(grant(), act())).toEqual({ ok: true });
    expect(agentMayAct(grant({ allItems: true, itemIds: [] }), act({ itemIds: ['anything'] }))).toEqual({ ok: true });
    expect(agentMayAct(grant({ expiresOn: '2026-11-30' }), act())).toEqual({ ok: true }); // the end date is the last good day
  });

  it('refuses no grant, one not yet accepted, one revoked and one past its end date, each with its reason', () => {
    expect(agentMayAct(undefined, act())).toMatchObject({ ok: false, reason: expect.stringContaining('接受') });
    expect(agentMayAct(grant({ status: 'offered' }), act())).toMatchObject({ ok: false, reason: expect.stringContaining('接受') });
    expect(agentMayAct(grant({ status: 'revoked' }), act())).toMatchObject({ ok: false, reason: expect.stringContaining('撤销') });
    expect(agentMayAct(grant({ expiresOn: '2026-11-29' }), act())).toMatchObject({ ok: false, reason: expect.stringContaining('2026-11-29 到期') });
  });

  it('refuses items outside the scope, and a 容缺 commitment unless the grant allows it', () => {
    expect(agentMayAct(grant(), act({ itemIds: ['food-business-licence', 'seal-engraving'] }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('范围'),
    });
    expect(agentMayAct(grant(), act({ commitment: true }))).toMatchObject({ ok: false, reason: expect.stringContaining('容缺') });
    expect(agentMayAct(grant({ commitments: true }), act({ commitment: true }))).toEqual({ ok: true });
  });
});

describe('grantEndProblem', () => {
  it('wants a date after today and within three years', () => {
    expect(grantEndProblem('2026-11-30', '2026-11-30')).toContain('晚于今天');
    expect(grantEndProblem('2029-12-01', '2026-11-30')).toContain('3 年');
    expect(grantEndProblem('2029-11-30', '2026-11-30')).toBeUndefined();
  });
});
