/**
 * The PDF libraries (pdf-lib, fontkit, subset-font, uqr), loaded on first use: other code in a function that draws PDFs
 * (and every other function) never pays for them. Shared by the sealed documents and the credit poster.
 */
type PdfLib = typeof import('pdf-lib');

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loads, see above */
let libs: { pdf: PdfLib; fontkit: unknown; subset: (font: Buffer, text: string, o: object) => Promise<Buffer>; qr: typeof import('uqr') } | undefined;
export const loadPdfLibs = () =>
  (libs ??= {
    pdf: require('pdf-lib') as PdfLib,
    fontkit: require('@pdf-lib/fontkit') as unknown,
    subset: require('subset-font') as (font: Buffer, text: string, o: object) => Promise<Buffer>,
    qr: require('uqr') as typeof import('uqr'),
  });
/* eslint-enable @typescript-eslint/no-require-imports */
