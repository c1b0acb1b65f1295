import Taro from '@tarojs/taro';
import { confirmStep } from './confirmStep';

const showModal = Taro.showModal as jest.Mock;

describe('confirmStep', () => {
  it('asks with the words given and says whether the person confirmed', async () => {
    showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    await expect(confirmStep('确认退单', '退单后工单退回调度重新派单。', '确认退单')).resolves.toBe(true);
    expect(showModal).toHaveBeenLastCalledWith({
      title: '确认退单',
      content: '退单后工单退回调度重新派单。',
      confirmText: '确认退单',
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await expect(confirmStep('撤回申请', '确定撤回吗？', '确定撤回', '再想想')).resolves.toBe(false);
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ cancelText: '再想想' }));
  });
});
