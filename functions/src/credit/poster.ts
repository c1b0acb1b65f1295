import type { PosterView } from '@yx/shared';
import type { UserRecord } from '../lib/entities/identity';
import { env } from '../lib/env';
import { ownFirm } from './firm';
import { scanProof } from './ratings';

/** The address the merchant's QR code opens (the web server sends it on to the public merchant page), with the poster's proof of a scan. */
export const scanUrlOf = (code: string, posterVersion = 1) => `${env.appOrigin}/c/${code}?s=${scanProof(code, posterVersion)}`;

/** 信用码公示牌 (placeholder until the PDF is drawn): the scan address of the current poster. */
export async function makePoster(user: UserRecord): Promise<PosterView> {
  const firm = await ownFirm(user);
  const version = firm.firm.posterVersion ?? 1;
  return { url: '', version, scanUrl: scanUrlOf(firm.creditCode, version) };
}
