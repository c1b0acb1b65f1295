import Taro from '@tarojs/taro';
import { elderFromSystem, isElderMode } from './useElderMode';

beforeEach(() => (Taro as unknown as { __reset: () => void }).__reset());

describe('长辈版 follows WeChat’s text size until the person chooses', () => {
  it('turns on at 1.25× or more', () => {
    expect(elderFromSystem({ fontSizeScaleFactor: 1 })).toBe(false);
    expect(elderFromSystem({ fontSizeScaleFactor: 1.4 })).toBe(true);
    expect(elderFromSystem({ fontSizeSetting: 22 })).toBe(true); // older base libraries: the setting in px
    expect(elderFromSystem(undefined)).toBe(false); // H5
  });

  it('starts in 长辈版 when WeChat’s text is large, and a choice made in the app wins either way', () => {
    (Taro.getAppBaseInfo as jest.Mock).mockReturnValue({ fontSizeScaleFactor: 1.4 });
    expect(isElderMode()).toBe(true);
    Taro.setStorageSync('yx.elderMode', false);
    expect(isElderMode()).toBe(false);
    (Taro.getAppBaseInfo as jest.Mock).mockReturnValue({ fontSizeScaleFactor: 1 });
    Taro.setStorageSync('yx.elderMode', true);
    expect(isElderMode()).toBe(true);
  });
});
