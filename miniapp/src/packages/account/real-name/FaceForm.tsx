import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PERSON_NAME_MAX, RealNameRequest, RESIDENT_ID_LENGTH } from '@yx/shared';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { scanFace } from '../../../api/faceScan';
import { updateUser } from '../../../api/session';
import { Field, fieldErrors } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { confirmStep } from '../../../components/confirmStep';
import { useSubmit } from '../../../hooks/useSubmit';
import { Button } from '../../../components/Button';

/**
 * 实名认证 by WeChat face verification (L2): the name and ID number typed, the face scan, and the server's check with
 * WeChat. Typing without the scan (L1) stays possible for the few items that allow it.
 */
export function FaceForm({ typedOnly }: { typedOnly: boolean }) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => asApiError(e).message,
    (form) => setErrors({ form }),
  );

  const checked = () => {
    const r = RealNameRequest.safeParse({ name, idNumber });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return undefined;
    }
    setErrors({});
    return r.data;
  };

  const prove = async () => {
    const d = checked();
    if (!d) return;
    await send(async () => {
      const { verifyId } = await api.faceStart(d.name, d.idNumber);
      await scanFace(verifyId);
      updateUser(await api.faceFinish(verifyId, d.name, d.idNumber));
      Taro.showToast({ title: '人脸核验通过', icon: 'success' });
    });
  };

  const typeOnly = async () => {
    const d = checked();
    if (!d) return;
    if (!(await confirmStep('仅填写实名信息', `不进行人脸核验，只能办理少数事项。提交后不能自行修改。\n姓名：${d.name}`, '确认提交'))) return;
    await send(async () => {
      updateUser(await api.bindRealName(d.name, d.idNumber));
      Taro.showToast({ title: '已保存', icon: 'success' });
    });
  };

  return (
    <View className="section">
      <Field name="name" label="姓名" value={name} onInput={setName} error={errors.name} placeholder="与身份证一致" maxlength={PERSON_NAME_MAX} />
      <Field
        name="idNumber"
        label="身份证号码"
        type="idcard"
        value={idNumber}
        onInput={setIdNumber}
        error={errors.idNumber}
        placeholder={`${RESIDENT_ID_LENGTH} 位居民身份证号码`}
        maxlength={RESIDENT_ID_LENGTH}
      />
      <SendButton className="btn" testId="face-start" error={errors.form} busy={busy} onClick={prove}>
        开始人脸核验
      </SendButton>
      {typedOnly && (
        <Button className="btn btn-plain" data-testid="typed-only" disabled={busy || undefined} onClick={typeOnly}>
          暂不核验，仅填写实名信息
        </Button>
      )}
    </View>
  );
}
