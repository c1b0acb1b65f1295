import { withNewKey } from './keys';

describe('the stage data keys (npm run keys)', () => {
  it('starts the list with k1 and appends later keys, keeping the old ones', () => {
    const first = withNewKey(undefined, Buffer.from('one'));
    expect(first).toEqual([{ id: 'k1', wrapped: Buffer.from('one').toString('base64') }]);
    const second = withNewKey(JSON.stringify(first), Buffer.from('two'));
    expect(second.map((k) => k.id)).toEqual(['k1', 'k2']);
    expect(second[0]).toEqual(first[0]);
    expect(() => withNewKey('[{"id":1}]', Buffer.from('x'))).toThrow();
  });
});
