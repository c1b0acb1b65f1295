import { Text, View } from '@tarojs/components';
import type { DocumentRef } from '@yx/shared';
import { useState } from 'react';
import { api } from '../../../api/client';
import { DOCUMENT_STATUS, documentsApi, openDocument } from '../../../api/documents';
import { SendButton } from '../../../components/SendButton';
import { useActingFor } from '../../../hooks/useActingFor';
import { useSubmit } from '../../../hooks/useSubmit';
import type { ActionProps } from './parts';

/**
 * 电子证明与文书: the sealed documents issued for this application (tap: the wallet's page of it), and 立即出具证明 for an
 * item that issues one at once while nothing is issued yet. A 422 (the item needs an officer's review) is said beside
 * the button.
 */
export function DocumentsSection({ d, onDone, onError }: ActionProps) {
  const acting = useActingFor();
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit(onError, setError);
  const docs = d.documents ?? [];
  // 亲友代办: the documents are the applicant's, in their own 证照夹 (and the issue route has no `for`)
  const canIssue = Boolean(d.issuesDocument) && d.state === 'submitted' && !docs.some((x) => x.kind === 'certificate') && !acting;
  if (!docs.length && !canIssue) return null;

  const issue = async () => {
    setError(undefined);
    await send(async () => {
      const doc = await documentsApi.issue(d.appNo);
      const issued: DocumentRef = { serial: doc.serial, title: doc.title, kind: doc.kind, status: doc.status };
      // the application as it is now (its trail says the certificate was issued); if that fails, what we know
      const fresh = await api.application(d.appNo).catch(() => ({ ...d, documents: [...docs, issued] }));
      onDone(fresh, '证明已出具');
    });
  };

  return (
    <View className="section" data-testid="documents">
      <View className="section-title">电子证明与文书</View>
      {docs.map((x) => {
        const status = DOCUMENT_STATUS[x.status];
        return (
          <View
            key={x.serial}
            className={`dt-row ${acting ? '' : 'dt-link tap'}`}
            role={acting ? undefined : 'link'}
            onClick={acting ? undefined : () => openDocument(x.serial)}
            data-testid="document-row"
          >
            <View>
              <View className="dt-row-name">{x.title}</View>
              <View className="muted">证明编号 {x.serial}</View>
            </View>
            <View className="dt-doc-side">
              <Text className={`tag ${status.tone}`}>{status.name}</Text>
              {!acting && <Text className="dt-arrow">›</Text>}
            </View>
          </View>
        );
      })}
      {docs.length > 0 && (
        <View className="muted dt-doc-note">{acting ? '电子证明在申请人本人的证照夹中查看。' : '已放入证照夹，可下载 PDF、分享核验链接。'}</View>
      )}
      {canIssue && (
        <View className="dt-issue">
          <View className="muted">本事项可在线出具加盖电子印章的证明，出具后放入您的证照夹。</View>
          <SendButton className="btn dt-submit" testId="issue-document" error={error} busy={busy} onClick={issue}>
            立即出具证明
          </SendButton>
        </View>
      )}
    </View>
  );
}
