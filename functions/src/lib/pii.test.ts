import { randomBytes } from 'node:crypto';
import { isSealed, loadDataKeys, open, openFields, seal, sealFields, sealJson, useDataKeys } from './pii';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const CTX = 'USER#u1/PROFILE/idNumber';

afterEach(() => {
  useDataKeys(undefined);
  delete process.env.PII_DATA_KEYS;
  process.env.STAGE = 'local';
});

describe('sealing personal data (AES-256-GCM under a KMS-wrapped data key)', () => {
  it('seals a value so the stored text holds none of it, and opens it again for the same row and field', () => {
    useDataKeys([k1]);
    const sealed = seal('440104199003070017', CTX);
    expect(sealed).toMatch(/^pii1\.k1\./);
    expect(sealed).not.toContain('440104199003070017');
    expect(seal('440104199003070017', CTX)).not.toBe(sealed); // a fresh IV each time: equal IDs do not look equal at rest
    expect(open(sealed, CTX)).toBe('440104199003070017');
  });

  it('does not open in another row or field, when tampered with, or under an unknown key', () => {
    useDataKeys([k1]);
    const sealed = seal('13800138000', CTX);
    expect(() => open(sealed, 'USER#u2/PROFILE/idNumber')).toThrow();
    expect(() => open(sealed, 'USER#u1/PROFILE/phone')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    expect(() => open([...parts.slice(0, 3), body.toString('base64url')].join('.'), CTX)).toThrow();
    expect(() => open(sealed.replace('pii1.k1.', 'pii1.k9.'), CTX)).toThrow(/unknown key/);
    // a sealed JSON value relabelled as a string does not open either: the kind is authenticated
    const json = sealJson({ a: 1 }, CTX);
    expect(() => open(json.replace(/^pii1j\./, 'pii1.'), CTX)).toThrow();
  });

  it('rotates: new values use the newest key, older values still open with theirs', () => {
    useDataKeys([k1]);
    const old = seal('张晓明', CTX);
    useDataKeys([k1, k2]);
    expect(seal('张晓明', CTX)).toMatch(/^pii1\.k2\./);
    expect(open(old, CTX)).toBe('张晓明');
  });

  it('seals the named fields of a record, JSON values too, and opens them from the stored row; plain older rows still read', () => {
    useDataKeys([k1]);
    const key = { pk: 'APP#A1', sk: 'APP' };
    const row: Record<string, unknown> = {
      ...key,
      ...sealFields({ answers: { idNumber: '440104199003070017', n: 2 }, contactPhone: '13800138000', state: 'submitted' }, ['answers', 'contactPhone'], key),
    };
    expect(isSealed(row.answers)).toBe(true);
    expect(JSON.stringify(row)).not.toMatch(/440104199003070017|13800138000/);
    expect(row.state).toBe('submitted');
    expect(openFields(row, ['answers', 'contactPhone'])).toMatchObject({ answers: { idNumber: '440104199003070017', n: 2 }, contactPhone: '13800138000' });
    expect(openFields({ ...key, contactPhone: '13800138000' }, ['contactPhone']).contactPhone).toBe('13800138000');
    // a row's sealed field moved to another row does not open there
    expect(() => openFields({ pk: 'APP#A2', sk: 'APP', contactPhone: row.contactPhone }, ['contactPhone'])).toThrow();
  });

  it('unwraps the stage data keys once at cold start; without keys outside the local stage nothing seals', async () => {
    process.env.STAGE = 'prod';
    expect(() => seal('x', CTX)).toThrow(/not loaded/);
    await loadDataKeys(); // a function given no keys (the catalogue's) cannot seal at all
    expect(() => seal('x', CTX)).toThrow(/not loaded/);
    useDataKeys(undefined); // (a new process)
    process.env.PII_DATA_KEYS = JSON.stringify([
      { id: 'k1', wrapped: 'd3JhcHBlZC0x' },
      { id: 'k2', wrapped: 'd3JhcHBlZC0y' },
    ]);
    const seen: string[] = [];
    const unwrap = async (w: Buffer) => {
      seen.push(w.toString());
      return w.toString() === 'wrapped-1' ? k1.key : k2.key;
    };
    await loadDataKeys(unwrap);
    await loadDataKeys(unwrap); // once per process
    expect(seen).toEqual(['wrapped-1', 'wrapped-2']);
    expect(seal('x', CTX)).toMatch(/^pii1\.k2\./);
    useDataKeys(undefined);
    process.env.PII_DATA_KEYS = '[{"id":"bad id!","wrapped":"x"}]';
    await expect(loadDataKeys(unwrap)).rejects.toThrow(/id/);
  });
});
