import { COMPRESS_ABOVE_BYTES, fitWithin, jpegName, PHOTO_MAX_SIDE, shouldCompress } from './photoSize';

describe('the size a photo is shrunk to', () => {
  it('brings the longer side down to the limit and keeps the proportions', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200, scaled: true }); // landscape
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600, scaled: true }); // portrait
    expect(fitWithin(8000, 8000, 1600)).toEqual({ width: 1600, height: 1600, scaled: true }); // square
    expect(fitWithin(4032, 3024, 2000)).toEqual({ width: 2000, height: 1500, scaled: true });
    expect(fitWithin(4624, 3472, 1600)).toEqual({ width: 1600, height: 1201, scaled: true }); // 1201.38 rounds to whole pixels
  });

  it('leaves a picture already small enough as it is', () => {
    expect(fitWithin(1600, 900, 1600)).toEqual({ width: 1600, height: 900, scaled: false });
    expect(fitWithin(640, 480, 1600)).toEqual({ width: 640, height: 480, scaled: false });
  });

  it('never gives a side of 0, even for a long strip or a broken size', () => {
    expect(fitWithin(100000, 10, 1600)).toEqual({ width: 1600, height: 1, scaled: true });
    expect(fitWithin(10, 100000, 1600)).toEqual({ width: 1, height: 1600, scaled: true });
    expect(fitWithin(0, 0, 1600)).toEqual({ width: 1, height: 1, scaled: false });
    expect(fitWithin(NaN, 3000, 1600)).toEqual({ width: 1, height: 1600, scaled: true });
  });

  it('uses PHOTO_MAX_SIDE unless told otherwise', () => {
    expect(PHOTO_MAX_SIDE).toBeGreaterThanOrEqual(1600);
    expect(PHOTO_MAX_SIDE).toBeLessThanOrEqual(2000);
    expect(Math.max(fitWithin(6000, 4000).width, fitWithin(6000, 4000).height)).toBe(PHOTO_MAX_SIDE);
  });
});

describe('which photos are shrunk', () => {
  it('shrinks big photos and converts types the server refuses, and sends small JPEG and PNG photos as they are', () => {
    expect(shouldCompress(20 * 1024 * 1024, 'image/jpeg')).toBe(true);
    expect(shouldCompress(COMPRESS_ABOVE_BYTES + 1, 'image/png')).toBe(true);
    expect(shouldCompress(COMPRESS_ABOVE_BYTES, 'image/jpeg')).toBe(false);
    expect(shouldCompress(300 * 1024, 'image/png')).toBe(false);
    expect(shouldCompress(300 * 1024, 'image/heic')).toBe(true);
  });

  it('names a converted photo as a JPEG', () => {
    expect(jpegName('现场.png')).toBe('现场.jpg');
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('营业执照')).toBe('营业执照.jpg');
    expect(jpegName('.png')).toBe('照片.jpg');
  });
});
