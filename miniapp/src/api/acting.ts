import Taro from '@tarojs/taro';

/**
 * 亲友代办 on this phone: while set, the apply pages, 我的办件 and their actions work for the person who authorised the
 * caller (`?for=` on every such call); the pages show a banner with 退出代办. Kept in storage so a reload keeps it.
 */
const KEY = 'yx.actingFor';
export const ACTING_EVENT = 'yx:acting';

export interface ActingFor {
  userId: string;
  name: string; // masked
}

export function getActingFor(): ActingFor | undefined {
  try {
    const v = Taro.getStorageSync(KEY) as ActingFor | '';
    return v && v.userId ? v : undefined;
  } catch {
    return undefined;
  }
}

export function startActingFor(a: ActingFor): void {
  Taro.setStorageSync(KEY, a);
  Taro.eventCenter.trigger(ACTING_EVENT);
}

export function stopActingFor(): void {
  Taro.removeStorageSync(KEY);
  Taro.eventCenter.trigger(ACTING_EVENT);
}

/** The `for` query of an application call: present only while acting for someone. */
export const forQuery = (): { for?: string } => {
  const a = getActingFor();
  return a ? { for: a.userId } : {};
};
