import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DepartmentFields, NewDepartment, type Department, type OrgView } from '@yx/shared';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { Field, fieldErrors } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';

/** 新增 or 修改部门: full name, short name (what pages show), consultation phone, address. */
export function DepartmentForm({ dept, onSaved }: { dept?: Department; onSaved: (org: OrgView) => void }) {
  const [v, setV] = useState({
    id: dept?.id ?? '',
    name: dept?.name ?? '',
    shortName: dept?.shortName ?? '',
    phone: dept?.phone ?? '',
    address: dept?.address ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => asApiError(e).message,
    (form) => setErrors({ form }),
  );
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));

  const submit = async () => {
    const { id, ...fields } = v;
    const r = dept ? DepartmentFields.safeParse(fields) : NewDepartment.safeParse(v);
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    setErrors({});
    await send(async () => {
      const org = dept
        ? await api.updateDepartment(dept.id, DepartmentFields.parse(fields))
        : await api.createDepartment(NewDepartment.parse({ id, ...fields }));
      Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(org);
    });
  };

  return (
    <View className="org-form" data-testid={dept ? `dept-form-${dept.id}` : 'dept-form-new'}>
      {!dept && <Field name="deptId" label="部门编号（英文小写，如 sports）" value={v.id} onInput={set('id')} error={errors.id} maxlength={40} />}
      <Field name="deptName" label="部门全称" value={v.name} onInput={set('name')} error={errors.name} maxlength={40} />
      <Field name="deptShort" label="简称" value={v.shortName} onInput={set('shortName')} error={errors.shortName} maxlength={12} />
      <Field name="deptPhone" label="咨询电话" value={v.phone} onInput={set('phone')} error={errors.phone} maxlength={20} />
      <Field name="deptAddress" label="办公地址" value={v.address} onInput={set('address')} error={errors.address} maxlength={80} />
      <SendButton className="btn" error={errors.form} busy={busy} onClick={submit}>
        {dept ? '保存修改' : '新增部门'}
      </SendButton>
    </View>
  );
}
