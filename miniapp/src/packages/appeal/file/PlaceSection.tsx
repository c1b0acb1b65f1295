import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { categoryById, isInYuexiu, PLACE_ADDRESS_MAX, streetName, STREETS, type LatLng } from '@yx/shared';
import { useState, type Dispatch, type SetStateAction } from 'react';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import type { WoDraft } from './draft';
import type { Errors } from './validate';
import { ErrorLine } from '../../../components/ErrorLine';
import { Button } from '../../../components/Button';

export interface PlaceSectionProps {
  draft: WoDraft;
  point?: LatLng;
  errors: Errors;
  setErrors: Dispatch<SetStateAction<Errors>>;
  update: (change: Partial<WoDraft>, clear?: string[]) => void;
  /** Why the phone's location could not be used (kept by the page, which clears it on 清空重填). */
  locFailed?: string;
  setLocFailed: (m: string | undefined) => void;
}

/** 问题位置: the phone's location (in Yuexiu) or the chosen street's centre, the written address and the street. */
export function PlaceSection({ draft, point, errors, setErrors, update, locFailed, setLocFailed }: PlaceSectionProps) {
  const [locating, setLocating] = useState(false);
  const category = draft.categoryId ? categoryById(draft.categoryId) : undefined;

  const locate = async () => {
    setLocating(true);
    setLocFailed(undefined);
    try {
      // WeChat gives GCJ-02 (what Chinese maps use); the H5 runtime only offers the browser's WGS-84
      const r = await Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' });
      const p = { lat: r.latitude, lng: r.longitude };
      if (!isInYuexiu(p)) {
        setLocFailed('您当前的位置不在越秀区范围内。如问题发生在越秀区，请选择所在街道，以街道中心位置上报，并填写详细地址。');
        return;
      }
      update({ locSource: 'gps', gps: p }, ['place']);
    } catch {
      setLocFailed('暂时无法获取您的位置（可能未开启定位权限，或当前浏览器不支持定位）。您可以选择问题所在街道，以街道中心位置上报，并填写详细地址。');
    } finally {
      setLocating(false);
    }
  };

  const useStreetCentre = () => {
    if (!draft.street) {
      setErrors((e) => ({ ...e, street: '请先选择问题所在街道' }));
      return;
    }
    update({ locSource: 'street' }, ['place']);
  };

  return (
    <View className="section">
      <View className="section-title">问题位置{category && !category.placeRequired ? '（选填）' : ''}</View>
      <Button className="btn btn-plain wf-small-btn" disabled={locating || undefined} loading={locating || undefined} onClick={locate}>
        获取当前位置
      </Button>
      {point && (
        <View className="wf-point" data-testid="point">
          {draft.locSource === 'gps'
            ? `已获取当前位置（${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}）`
            : `以${streetName(draft.street) ?? ''}中心位置上报（大致位置，请在下方写清详细地址）`}
          <View className="wf-remove wf-point-clear" role="button" onClick={() => update({ locSource: undefined, gps: undefined })}>
            清除
          </View>
        </View>
      )}
      {locFailed && (
        <View className="wf-locfail" role="alert" data-testid="location-failed">
          <View>{locFailed}</View>
          <Button className="btn btn-plain wf-small-btn" onClick={useStreetCentre}>
            使用所选街道的中心位置
          </Button>
        </View>
      )}
      <ErrorLine error={errors.place} />
      <View className="wf-address">
        <Field
          label="详细地址"
          name="address"
          value={draft.address}
          maxlength={PLACE_ADDRESS_MAX}
          error={errors.address}
          placeholder="如：北京路与西湖路交界东北角"
          onInput={(v) => update({ address: v }, ['address', 'place'])}
        />
      </View>
      <View className="field-label">所在街道{category?.routeTo.type === 'grid' ? '' : '（选填）'}</View>
      <Chips
        label="所在街道"
        value={draft.street}
        className="wf-streets"
        options={STREETS.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(s) => update({ street: s }, ['street', 'place'])}
      />
      <ErrorLine error={errors.street} />
    </View>
  );
}
