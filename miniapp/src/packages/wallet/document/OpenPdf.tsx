import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DocumentDetail } from '../../../api/documents';
import { Button } from '../../../components/Button';

const IN_WECHAT = process.env.TARO_ENV === 'weapp';

/**
 * 查看/下载 PDF. The link is short-lived and signed (an <a> or openDocument cannot send our Authorization header).
 * H5: a plain link opening the PDF in a new tab, where the browser offers to save it. WeChat: downloaded, then opened
 * with the menu (保存, 转发) shown.
 */
export function OpenPdf({ d, onExpired }: { d: DocumentDetail; onExpired: () => void }) {
  const [busy, setBusy] = useState(false);
  const name = `${d.document.title}-${d.document.serial}.pdf`;
  if (!IN_WECHAT) {
    return (
      <a className="btn wd-open" href={d.pdfUrl} target="_blank" rel="noopener noreferrer" download={name} data-testid="doc-open">
        查看/下载 PDF
      </a>
    );
  }
  const open = async () => {
    setBusy(true);
    try {
      const r = await Taro.downloadFile({ url: d.pdfUrl });
      if (r.statusCode === 403) {
        Taro.showToast({ title: '链接已过期，已为您刷新，请再点一次', icon: 'none' });
        onExpired();
        return;
      }
      if (r.statusCode < 200 || r.statusCode >= 300) throw new Error(String(r.statusCode));
      await Taro.openDocument({ filePath: r.tempFilePath, fileType: 'pdf', showMenu: true });
    } catch {
      Taro.showToast({ title: '文件打开失败，请稍后再试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button className="btn wd-open" data-testid="doc-open" disabled={busy || undefined} loading={busy || undefined} onClick={open}>
      查看/下载 PDF
    </Button>
  );
}
