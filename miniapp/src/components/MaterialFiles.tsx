import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MaterialFile } from '@yx/shared';
import './MaterialFiles.css';

/**
 * The uploaded files of one material, in the order given (a material may have several pages, photos and PDFs mixed;
 * issue 16): images as thumbnails (tap to enlarge, swipe through the material's photos), PDFs as a file line that opens
 * the document — never as a picture, which would show broken.
 */
export function MaterialFiles({ files }: { files: MaterialFile[] }) {
  const images = files.filter((f) => f.contentType.startsWith('image/'));
  const openDoc = (f: MaterialFile) => {
    if (process.env.TARO_ENV === 'h5') {
      window.open(f.url, '_blank');
      return;
    }
    Taro.downloadFile({ url: f.url })
      .then((r) => {
        if (r.statusCode === 403) {
          Taro.showToast({ title: '链接已过期，请返回后重新进入', icon: 'none' });
          return;
        }
        return Taro.openDocument({ filePath: r.tempFilePath, fileType: 'pdf' });
      })
      .catch(() => Taro.showToast({ title: '文件打开失败，请稍后再试', icon: 'none' }));
  };
  return (
    <View className="mf-files">
      {files.map((f) =>
        f.contentType.startsWith('image/') ? (
          <View
            key={f.fileId}
            className="mf-thumb"
            role="button"
            aria-label={`查看 ${f.fileName}`}
            data-testid="material-file"
            onClick={() => Taro.previewImage({ current: f.url, urls: images.map((i) => i.url) })}
          >
            <Image className="mf-thumb-img" src={f.url} mode="aspectFill" nativeProps={{ alt: f.fileName }} />
          </View>
        ) : (
          <View key={f.fileId} className="mf-doc" role="button" data-testid="material-file" onClick={() => openDoc(f)}>
            <Text className="mf-doc-icon" aria-hidden>
              PDF
            </Text>
            <Text className="mf-doc-name">{f.fileName || 'PDF 文件'}</Text>
            <Text> · 查看</Text>
          </View>
        ),
      )}
    </View>
  );
}

export type MaterialSource = 'upload' | 'elicence' | 'deferred' | 'none';
const MATERIAL_SOURCES: Record<MaterialSource, [string, string]> = {
  upload: ['已上传', 'tag-green'],
  elicence: ['电子证照', 'tag-blue'],
  deferred: ['容缺待补', 'tag-orange'],
  none: ['未提交', 'tag-gray'],
};

/**
 * One material of an application: its name, the uploads to look at (or how many there are, when their links
 * are not given) and where it came from. `cls` is the page's row class prefix (dt for 我的办件, sd for the officer).
 */
export function MaterialRow({
  name,
  source,
  files,
  count = 0,
  cls,
}: {
  name: string;
  source: MaterialSource;
  files?: MaterialFile[];
  count?: number;
  cls: 'dt' | 'sd';
}) {
  const [text, tone] = MATERIAL_SOURCES[source] ?? [source, 'tag-gray'];
  return (
    <View className={`${cls}-row`} data-testid="material">
      <View>
        <View className={`${cls}-row-name`}>{name}</View>
        {files?.length ? <MaterialFiles files={files} /> : count > 0 && <View className="muted">{count} 个文件</View>}
      </View>
      <Text className={`tag ${tone}`}>{text}</Text>
    </View>
  );
}
