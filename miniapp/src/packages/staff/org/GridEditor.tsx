import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { GridsRequest, type OrgView } from '@yx/shared';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { Field } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';

/** One street's grids (网格): remove with ×, add by name, then save the list. */
export function GridEditor({ street, onSaved }: { street: OrgView['streets'][number]; onSaved: (org: OrgView) => void }) {
  const [grids, setGrids] = useState(street.grids);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit((e) => asApiError(e).message, setError);

  const add = () => {
    const n = name.trim();
    if (n.length < 2) return setError('社区名称 2–20 个字');
    if (grids.includes(n)) return setError('已有这个社区');
    setError(undefined);
    setGrids([...grids, n]);
    setName('');
  };

  const save = () => {
    const r = GridsRequest.safeParse({ grids });
    if (!r.success) return setError(r.error.issues[0].message);
    return send(async () => {
      onSaved(await api.saveGrids(street.id, r.data.grids));
      Taro.showToast({ title: '已保存', icon: 'success' });
    });
  };

  return (
    <View className="org-form" data-testid={`grids-${street.id}`}>
      <View className="org-grids">
        {grids.map((g) => (
          <View key={g} className="org-grid">
            {g}
            <Text className="org-grid-x" aria-label={`删除${g}`} onClick={() => setGrids(grids.filter((x) => x !== g))}>
              ×
            </Text>
          </View>
        ))}
        {!grids.length && <View className="muted">还没有网格</View>}
      </View>
      <Field name="gridName" label="新增社区（网格）" value={name} onInput={setName} maxlength={20} placeholder="例如 府前社区" />
      <Text className="org-add" onClick={add}>
        ＋ 加入名单
      </Text>
      <SendButton className="btn" error={error} busy={busy} onClick={save}>
        保存网格名单
      </SendButton>
    </View>
  );
}
