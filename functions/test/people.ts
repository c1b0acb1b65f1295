import { batchPut } from '../src/guide/repository';
import { seedUserItems } from '../src/identity/repository';
import { hashIdNumber } from '../src/identity/service';
import { issueSession } from '../src/lib/session';
import { freshResidentId } from './ids';

export interface Person {
  id: string;
  token: string;
  name: string;
  idNumber: string;
}

const RUN = Date.now().toString(36);
let n = 0;

/** A resident with a real name and an ID number nobody else uses, proven by face (L2) unless `level: 1`, and a session. */
export async function residentWithId(name: string, level: 1 | 2 = 2, extra: { phone?: string } = {}): Promise<Person> {
  const id = `u-p-${RUN}-${++n}`;
  const idNumber = freshResidentId();
  await batchPut(
    seedUserItems(
      { id, role: 'resident', nickname: name, realName: name, idNumber, idLevel: level, ...extra, createdAt: '2026-01-01', updatedAt: '2026-01-01' },
      hashIdNumber(idNumber),
    ),
  );
  return { id, name, idNumber, token: (await issueSession({ userId: id, role: 'resident' })).token };
}
