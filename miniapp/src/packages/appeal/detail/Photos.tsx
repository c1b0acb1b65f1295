import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { woApi, type WoPhoto, type WoView } from '../../../api/workorders';
import { useAsync } from '../../../hooks/useAsync';

/** The order's photos by where they come from (反映时上传, 处理进展, 办结照片); tap one to see them all full size. */
export function Photos({ d }: { d: WoView }) {
  // d as the key: a new object is a new load of the order (the photo URLs are short-lived anyway)
  const photos = useAsync(() => woApi.photos(d.no), [d]);
  const items = photos.data?.items ?? [];
  if (photos.error) {
    return (
      <View className="muted wd-photos-failed" role="alert">
        照片暂时没有加载出来，
        <Text className="wd-link" data-testid="wo-photos-retry" onClick={photos.reload}>
          重试
        </Text>
      </View>
    );
  }
  if (!items.length) return null; // loading or none: nothing to show
  const groups = new Map<string, WoPhoto[]>();
  for (const p of items) groups.set(p.kind, [...(groups.get(p.kind) ?? []), p]);
  const urls = items.map((p) => p.url);
  return (
    <View className="section" data-testid="wo-photos">
      <View className="section-title">照片</View>
      {[...groups].map(([kind, list]) => (
        <View key={kind} className="wd-pgroup" data-testid="wo-photo-group">
          <View className="wd-pkind">
            {kind}
            <Text className="muted wd-pcount">{list.length} 张</Text>
          </View>
          <View className="wd-pgrid">
            {list.map((p, i) => (
              <View
                key={p.fileId}
                className="wd-pthumb"
                data-testid="wo-photo"
                role="button"
                aria-label={`查看照片：${kind} 第 ${i + 1} 张`}
                onClick={() => Taro.previewImage({ current: p.url, urls })}
              >
                <Image className="wd-pimg" src={p.url} mode="aspectFill" lazyLoad nativeProps={{ alt: `${kind} 第 ${i + 1} 张` }} />
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
