import Taro from '@tarojs/taro';

/** Asks before an irreversible step (WeChat's own modal, the confirm button in the app's red): true when confirmed. */
export async function confirmStep(title: string, content: string, confirmText = '确定', cancelText = '取消'): Promise<boolean> {
  const r = await Taro.showModal({ title, content, confirmText, cancelText, confirmColor: '#c8161d' });
  return r.confirm;
}
