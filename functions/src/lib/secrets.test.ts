import { coldStart, parseSecretParams, resetColdStart } from './secrets';
import { useDataKeys } from './pii';

afterEach(() => {
  resetColdStart();
  delete process.env.SECRET_PARAMS;
  delete process.env.TEST_SECRET_A;
  useDataKeys(undefined);
});

describe('secrets at cold start (SSM SecureString, never plain function configuration)', () => {
  it('reads the parameters a function names, once, into what lib/env reads', async () => {
    process.env.SECRET_PARAMS = 'TEST_SECRET_A=/yx/prod/a';
    const asked: string[][] = [];
    const fetch = async (names: string[]) => {
      asked.push(names);
      return { '/yx/prod/a': 'from-ssm' };
    };
    await coldStart(fetch);
    await coldStart(fetch);
    expect(asked).toEqual([['/yx/prod/a']]);
    expect(process.env.TEST_SECRET_A).toBe('from-ssm');
  });

  it('tries again on the next request when the store of secrets failed', async () => {
    process.env.SECRET_PARAMS = 'TEST_SECRET_A=/yx/prod/a';
    let calls = 0;
    const fetch = async () => {
      if (++calls === 1) throw new Error('SSM unavailable');
      return { '/yx/prod/a': 'second' };
    };
    await expect(coldStart(fetch)).rejects.toThrow('SSM unavailable');
    await coldStart(fetch);
    expect(process.env.TEST_SECRET_A).toBe('second');
  });

  it('refuses a parameter list it cannot read', () => {
    expect(parseSecretParams('A=/x/y, B_2=/z')).toEqual([
      ['A', '/x/y'],
      ['B_2', '/z'],
    ]);
    expect(() => parseSecretParams('lower=/x')).toThrow();
    expect(() => parseSecretParams('A=relative')).toThrow();
  });
});
