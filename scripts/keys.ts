/**
 * Creates (or rotates) a stage's data keys for personal data at rest: KMS makes a 256-bit data key under the stage's
 * key (alias/yx-<stage>-pii, declared in serverless.yml) and gives it back only wrapped; the wrapped key is appended to
 * the SecureString parameter /yx/<stage>/pii-data-keys that the functions unwrap at cold start. Run once after the
 * first deploy, and again to rotate (new values are sealed with the newest key; older ones keep opening).
 *   npm run keys -- --stage prod [--region cn-northwest-1]
 * With `--seal <departmentId>`, it makes (or rotates) that department's SM2 sealing key instead (issue 15): a new key id
 * in the SecureString /yx/<stage>/seal-keys that only the issuing function reads; the public half is published by
 * the issuing function itself before its first seal, and older key ids stay verifiable.
 *   npm run keys -- --stage prod --seal police
 */
import { GenerateDataKeyWithoutPlaintextCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { withNewKey } from './lib/keys';
import { newSigningKey } from '../functions/src/certificates/keys';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function main() {
  const stage = arg('stage');
  if (!stage || stage === 'local') throw new Error('pass --stage <deployed stage>; the local stage derives its key');
  const region = arg('region') ?? process.env.AWS_REGION ?? 'ap-east-1';
  const ssm = new SSMClient({ region });
  const department = arg('seal');
  if (department) return sealKey(ssm, stage, department);
  const name = `/yx/${stage}/pii-data-keys`;
  const current = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true })).then(
    (r) => r.Parameter?.Value,
    (e: Error) => {
      if (e.name === 'ParameterNotFound') return undefined;
      throw e;
    },
  );
  const made = await new KMSClient({ region }).send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: `alias/yx-${stage}-pii`, KeySpec: 'AES_256' }));
  if (!made.CiphertextBlob) throw new Error('KMS gave no wrapped key');
  const list = withNewKey(current, made.CiphertextBlob);
  await ssm.send(new PutParameterCommand({ Name: name, Value: JSON.stringify(list), Type: 'SecureString', Overwrite: true }));
  console.log(`${name}: ${list.length} key(s), newest ${list[list.length - 1].id}. Functions pick it up at their next cold start.`);
}

/** A department's new sealing key, merged into /yx/<stage>/seal-keys (the department's previous key is replaced there). */
async function sealKey(ssm: SSMClient, stage: string, department: string) {
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(department)) throw new Error('--seal takes a department id, e.g. police');
  const name = `/yx/${stage}/seal-keys`;
  const current = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true })).then(
    (r) => JSON.parse(r.Parameter?.Value ?? '{}') as Record<string, unknown>,
    (e: Error) => {
      if (e.name === 'ParameterNotFound') return {};
      throw e;
    },
  );
  const k = newSigningKey(department);
  const next = { ...current, [department]: { keyId: k.keyId, privateKey: k.privateKey } };
  await ssm.send(new PutParameterCommand({ Name: name, Value: JSON.stringify(next), Type: 'SecureString', Overwrite: true }));
  console.log(
    `${name}: ${department} now seals with ${k.keyId} (public key ${k.publicKey.slice(0, 18)}…). The issuing function picks it up at its next cold start.`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
