import { randomInt } from 'node:crypto';
/** Firms for the API tests: a registry row with the facts a test wants, its bound legal representative, its agents. */
import { call } from './http';
import { residentWithId, type Person } from './people';
import { handler as identity } from '../src/identity/handler';
import { batchPut } from '../src/guide/repository';
import { seedEnterpriseItem } from '../src/identity/repository';
import { hashIdNumber } from '../src/identity/service';
import type { EnterpriseRecord } from '../src/lib/entities/identity';

const C = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const RUN = randomInt(31 ** 4); // per file: test files run side by side in workers
let n = 0;

/** A valid 统一社会信用代码 no other test file makes (the run's time and a counter in its body). */
export function freshCreditCode(): string {
  let x = RUN * 31 ** 3 + ++n;
  let tail = '';
  for (let i = 0; i < 8; i++) {
    tail = C[x % 31] + tail;
    x = Math.floor(x / 31);
  }
  const body = `914401049${tail}`;
  const sum = [...body].reduce((s, ch, i) => s + C.indexOf(ch) * W[i], 0);
  return body + C[(31 - (sum % 31)) % 31];
}

export interface TestFirm {
  creditCode: string;
  name: string;
  rep: Person;
  /** the legal representative's session after binding (role enterprise) */
  legal: string;
}

type Facts = Partial<
  Pick<EnterpriseRecord, 'registeredOn' | 'industry' | 'size' | 'headcount' | 'revenue' | 'taxPaid' | 'qualifications' | 'received' | 'grade' | 'street'>
>;

/** A firm with these registry facts, bound by its legal representative (proven ID, as in production). */
export async function firmWith(facts: Facts, label = '测试'): Promise<TestFirm> {
  const rep = await residentWithId(`${label}法人`);
  const creditCode = freshCreditCode();
  const name = `广州${label}${++n}号有限公司`;
  await batchPut([
    seedEnterpriseItem({
      creditCode,
      name,
      grade: 'A',
      legalRepresentative: rep.name,
      address: '越秀区中山四路 100 号',
      street: 'beijing',
      legalRepIdHash: hashIdNumber(rep.idNumber),
      ...facts,
    }),
  ]);
  const bound = await call(identity, 'PUT /v1/me/enterprise', { token: rep.token, body: { enterpriseName: name, creditCode } });
  if (bound.status !== 200) throw new Error(`bind: ${bound.status} ${JSON.stringify(bound.body)}`);
  return { creditCode, name, rep, legal: bound.body.token as string };
}

/** An agent the legal representative authorised and who accepted; their session acts for the firm. */
export async function agentOf(f: TestFirm, over: Record<string, unknown> = {}): Promise<{ person: Person; token: string }> {
  const person = await residentWithId('吴经办');
  const offered = await call(identity, 'POST /v1/firm/agents', {
    token: f.legal,
    body: { name: person.name, idNumber: person.idNumber, allItems: true, itemIds: [], commitments: false, expiresOn: '2027-12-31', ...over },
  });
  if (offered.status !== 201) throw new Error(`grant: ${offered.status} ${JSON.stringify(offered.body)}`);
  const accepted = await call(identity, 'POST /v1/me/firm-offers/{creditCode}/accept', { token: person.token, params: { creditCode: f.creditCode } });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { person, token: accepted.body.token as string };
}
