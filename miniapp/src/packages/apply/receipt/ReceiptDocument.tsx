import { View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { getActingFor } from '../../../api/acting';
import { api, asApiError } from '../../../api/client';
import { documentsApi, openDocument } from '../../../api/documents';
import { Button } from '../../../components/Button';

type Step = { at: 'quiet' } | { at: 'issuing' } | { at: 'done'; serial: string; title: string } | { at: 'failed'; message: string };

/**
 * After submitting an item that is issued as a sealed certificate (无犯罪记录证明…): ask for it once, at once, and say
 * where it went. The receipt does not say whether the item issues one, so the application's detail is asked first.
 * A failure is said with what happens next (the department handles it); no retry loop. Nothing for other items,
 * or while acting for a relative (the issue route has no `for`).
 */
export function ReceiptDocument({ appNo }: { appNo: string }) {
  const [step, setStep] = useState<Step>({ at: 'quiet' });
  const started = useRef(false);
  useEffect(() => {
    // once, even when React runs effects twice
    if (started.current || !appNo || getActingFor()) return;
    started.current = true;
    void (async () => {
      const d = await api.application(appNo).catch(() => undefined);
      if (!d?.issuesDocument) return;
      const existing = d.documents?.find((x) => x.kind === 'certificate');
      if (existing) {
        setStep({ at: 'done', serial: existing.serial, title: existing.title });
        return;
      }
      if (d.state !== 'submitted') return;
      setStep({ at: 'issuing' });
      try {
        const doc = await documentsApi.issue(appNo);
        setStep({ at: 'done', serial: doc.serial, title: doc.title });
      } catch (e) {
        setStep({ at: 'failed', message: asApiError(e).message });
      }
    })();
  }, [appNo]);

  if (step.at === 'quiet') return null;
  if (step.at === 'issuing') {
    return (
      <View className="section rc-doc" role="status" data-testid="receipt-issuing">
        <View className="rc-spinner" aria-hidden="true" />
        <View className="rc-doc-text">正在出具电子证明…</View>
      </View>
    );
  }
  if (step.at === 'failed') {
    return (
      <View className="section rc-doc rc-doc-failed" data-testid="receipt-document-failed">
        <View className="error-text" role="alert">
          {step.message}
        </View>
        <View className="rc-doc-note">电子证明暂未出具，部门会尽快办理，办理结果会通过“消息”通知您。</View>
      </View>
    );
  }
  return (
    <View className="section rc-doc rc-doc-done" data-testid="receipt-document-done">
      <View className="rc-doc-text">证明已出具，已放入证照夹</View>
      <View className="muted">
        {step.title} · 证明编号 {step.serial}
      </View>
      <Button className="btn rc-doc-btn" data-testid="receipt-document" onClick={() => openDocument(step.serial)}>
        查看电子证明
      </Button>
    </View>
  );
}
