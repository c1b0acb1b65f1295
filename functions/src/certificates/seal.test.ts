import { sm2 } from 'sm-crypto-v2';
import { BYTE_RANGE_PLACEHOLDER, checkSeal, CONTENTS_HEX_LENGTH, sealPdf } from './seal';

const police = sm2.generateKeyPairHex();
const market = sm2.generateKeyPairHex();
const keys: Record<string, string> = { 'police-2026-1': police.publicKey, 'market-2026-1': market.publicKey };
const keyFor = (id: string) => keys[id];

/** The shape pdf-lib writes a certificate in before sealing (a nested dictionary before our fields, as it does). */
const unsealed = (serial = 'YXZM2026120100001', keyId = 'police-2026-1') =>
  Buffer.from(
    [
      '%PDF-1.7',
      '1 0 obj',
      '<< /Type /Page /Contents 2 0 R >>',
      'endobj',
      '2 0 obj',
      '<< /Length 44 >>',
      'stream',
      'BT /F1 12 Tf (无犯罪记录证明 张*明) Tj ET',
      'endstream',
      'endobj',
      '3 0 obj',
      `<< /Type /Sig /Filter /YX.GMSeal /SubFilter /YX.sm2sm3.detached ${BYTE_RANGE_PLACEHOLDER} /Contents <${'0'.repeat(CONTENTS_HEX_LENGTH)}> /Prop_Build << /App << /Name /yx-cert >> >> /YX.KeyId (${keyId}) /YX.Serial (${serial}) >>`,
      'endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
    'utf8',
  );

const sealed = (serial?: string) => sealPdf(unsealed(serial), police.privateKey, police.publicKey);

describe('电子印章 on a PDF (SM2 over SM3, ByteRange)', () => {
  it('is genuine as issued, and says whose key and which serial', () => {
    for (let i = 0; i < 20; i++)
      expect(checkSeal(sealed(`YXZM20261201${String(i).padStart(5, '0')}`), keyFor)).toMatchObject({ ok: true, keyId: 'police-2026-1' });
    expect(checkSeal(sealed(), keyFor)).toEqual({ ok: true, keyId: 'police-2026-1', serial: 'YXZM2026120100001' });
    expect(sealed().length).toBe(unsealed().length); // filled in place
  });

  it('fails for one byte changed in the text, the serial or the signature', () => {
    const pdf = sealed();
    const text = pdf.toString('latin1');
    const flip = (at: number) => {
      const copy = Buffer.from(pdf);
      copy[at] = copy[at] ^ 1;
      return copy;
    };
    expect(checkSeal(flip(text.indexOf('BT /F1')), keyFor)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(checkSeal(flip(text.indexOf('00001)')), keyFor)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(checkSeal(flip(text.indexOf('/Contents <') + 20), keyFor).ok).toBe(false);
  });

  it('fails when anything is appended or the ranges leave more out', () => {
    const pdf = sealed();
    expect(checkSeal(Buffer.concat([pdf, Buffer.from('\n% more\n')]), keyFor)).toEqual({ ok: false, reason: 'altered' });
    const text = pdf.toString('latin1');
    const m = /\/ByteRange \[ 0 (\d+) (\d+) (\d+) \]/.exec(text)!;
    const shifted = text.replace(m[0], `/ByteRange [ 0 ${Number(m[1]) - 10} ${m[2]} ${m[3]} ]`.padEnd(m[0].length, ' '));
    expect(checkSeal(Buffer.from(shifted, 'latin1'), keyFor)).toEqual({ ok: false, reason: 'altered' });
  });

  it("fails under another department's key, and for a key the district never had", () => {
    const forged = sealPdf(unsealed(), market.privateKey, market.publicKey); // says police, signed by market
    expect(checkSeal(forged, keyFor)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(checkSeal(sealPdf(unsealed(undefined, 'made-up-1'), police.privateKey, police.publicKey), keyFor)).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it('says unsigned for a PDF without a seal, and refuses to seal one without room', () => {
    expect(checkSeal(Buffer.from('%PDF-1.7\n%%EOF\n'), keyFor)).toEqual({ ok: false, reason: 'unsigned' });
    expect(() => sealPdf(Buffer.from('%PDF-1.7\n%%EOF\n'), police.privateKey, police.publicKey)).toThrow('no ByteRange placeholder');
  });
});
