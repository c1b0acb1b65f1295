import { Image } from '@tarojs/components';
import { encode } from 'uqr';

/** 一事一码: the item's QR as an SVG data URL (no canvas, no eval), drawn with one path. */
export function qrSvg(text: string): string {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}

/** The SVG is ASCII only, so char codes are its bytes (TextEncoder is missing on older WeChat). */
function base64(s: string): string {
  const bytes = Array.from(s, (c) => c.charCodeAt(0));
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63] + (i + 1 < bytes.length ? chars[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? chars[n & 63] : '=');
  }
  return out;
}

export function QrCode({ text, size = 240, label }: { text: string; size?: number; label?: string }) {
  return (
    <Image
      src={`data:image/svg+xml;base64,${base64(qrSvg(text))}`}
      style={{ width: `${size / 2}px`, height: `${size / 2}px` }}
      aria-label={label ?? '二维码'}
      nativeProps={{ alt: label ?? '二维码' }}
    />
  );
}
