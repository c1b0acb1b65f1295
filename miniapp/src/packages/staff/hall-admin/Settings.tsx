import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { hallAdminApi, type PointAdminView } from '../../../api/appointments';
import { asApiError } from '../../../api/client';
import { Button } from '../../../components/Button';
import { confirmStep } from '../../../components/confirmStep';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';
import { Areas, type CatalogueItem } from './Areas';
import { Basics } from './Basics';
import { draftOf, serverErrors, validate, type PointDraft } from './draft';
import { Hours } from './Hours';
import { Windows, type DepartmentOption } from './Windows';

/** Messages of fields with no input of their own on this form: they go in the closing line. */
const UNPLACED = ['kind', 'streetId', 'expectedVersion'];

/**
 * 设置: the point's fields, hours, areas and windows, checked by the shared `PointInput` before anything is sent, saved
 * after a confirmation with the version loaded; a 409 keeps what was typed and offers the latest version, a 400 puts
 * the server's messages under the fields.
 */
export function Settings({
  point,
  items,
  departments,
  onSaved,
}: {
  point: PointAdminView;
  items?: CatalogueItem[];
  departments?: DepartmentOption[];
  onSaved: (p: PointAdminView) => void;
}) {
  const [base, setBase] = useState(point);
  const [d, setD] = useState<PointDraft>(() => draftOf(point));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const put = (x: Partial<PointDraft>) => setD((v) => ({ ...v, ...x }));

  const show = (p: PointAdminView) => {
    setBase(p);
    setD(draftOf(p));
    setErrors({});
    setFormError(undefined);
    setStale(false);
  };

  const saving = useSubmit((e) => {
    const err = asApiError(e);
    if (err.status === 409) setStale(true);
    if (err.status === 400 && err.details?.length) setErrors(serverErrors(err.details));
    return err.message;
  }, setFormError);

  const save = () =>
    saving.send(async () => {
      const { body, errors: found } = validate(d, base.version);
      setErrors(found);
      if (!body) {
        const extra = UNPLACED.map((k) => found[k]).find(Boolean);
        setFormError(`有 ${Object.keys(found).length} 处需要修改，请看标红的地方${extra ? `（${extra}）` : ''}`);
        return;
      }
      setFormError(undefined);
      const ok = await confirmStep(`保存${base.name}`, '保存后新的开放时间和容量用于之后的预约；已预约的不受影响', '保存', '再看看');
      if (!ok) return;
      const saved = await hallAdminApi.save(base.id, body);
      show(saved);
      onSaved(saved);
      Taro.showToast({ title: '已保存', icon: 'success' });
    });

  const reloadLatest = async () => {
    setReloading(true);
    try {
      const latest = (await hallAdminApi.points()).items.find((p) => p.id === base.id);
      if (!latest) throw new Error('gone');
      show(latest);
      onSaved(latest);
    } catch (e) {
      setFormError(e instanceof Error && e.message === 'gone' ? '未找到该办事地点，请返回后重试' : asApiError(e).message);
    } finally {
      setReloading(false);
    }
  };

  return (
    <View data-testid="ha-settings">
      <View className="muted ha-version" data-testid="ha-version">
        当前第 {base.version} 版 · 保存时按此版本核对，期间如有他人修改，会提示您载入最新版本
      </View>
      <Basics d={d} put={put} errors={errors} />
      <Hours d={d} put={put} errors={errors} />
      <Areas d={d} put={put} errors={errors} items={items} />
      <Windows d={d} put={put} errors={errors} departments={departments} />
      <View className="section ha-bottom">
        <SendButton className="btn" busy={saving.busy} disabled={reloading} error={formError} errorTestId="ha-save-error" testId="ha-save" onClick={save}>
          保存设置
        </SendButton>
        {stale && (
          <Button
            className="btn btn-plain ha-reload"
            data-testid="ha-reload"
            disabled={reloading || undefined}
            loading={reloading || undefined}
            onClick={() => void reloadLatest()}
          >
            载入最新版本（放弃本次修改）
          </Button>
        )}
        <Button className="btn btn-plain ha-reset" disabled={saving.busy || undefined} onClick={() => show(base)}>
          撤销修改
        </Button>
      </View>
    </View>
  );
}
