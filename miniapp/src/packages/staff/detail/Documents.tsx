import { Text, View } from '@tarojs/components';
import { RevokeRequest } from '@yx/shared';
import { useState } from 'react';
import { DOCUMENT_STATUS, documentsApi, type DocumentRef } from '../../../api/documents';
import { staffApi, type StaffApplicationView } from '../../../api/staff';
import { Button } from '../../../components/Button';
import { confirmStep } from '../../../components/confirmStep';
import { SendButton } from '../../../components/SendButton';
import { TextBox } from '../../../components/TextBox';
import type { ActProps } from '../../../hooks/useActedDetail';
import { useSubmit } from '../../../hooks/useSubmit';

type Props = ActProps<StaffApplicationView>;

/** Certificates are issued once the department has approved (准予) or delivered; again after a revocation. */
const ISSUE_STATES: StaffApplicationView['state'][] = ['approved', 'delivered'];

/**
 * 电子证明与文书 in the officer's view: what was issued for the application, 撤销证明 for a valid one (a reason, then a
 * confirmation: verification shows 已撤销 at once and for good), and 出具电子证明 for an approved application of an
 * item issued as a certificate when none is in force.
 */
export function StaffDocuments({ d, onDone, onError }: Props) {
  const [revoking, setRevoking] = useState<string>();
  const docs = d.documents ?? [];
  const canIssue = Boolean(d.issuesDocument) && ISSUE_STATES.includes(d.state) && !docs.some((x) => x.kind === 'certificate' && x.status === 'valid');
  if (!docs.length && !canIssue) return null;

  /** The application as it is now; if it cannot be loaded, the change we know of. */
  const refreshed = (patch: (docs: DocumentRef[]) => DocumentRef[]) => staffApi.application(d.appNo).catch(() => ({ ...d, documents: patch(docs) }));

  return (
    <View className="section" data-testid="staff-documents">
      <View className="section-title">电子证明与文书</View>
      {docs.map((x) => (
        <View key={x.serial} className="sd-doc" data-testid="staff-document">
          <View className="sd-row">
            <View>
              <View className="sd-row-name">{x.title}</View>
              <View className="muted">证明编号 {x.serial}</View>
            </View>
            <Text className={`tag ${DOCUMENT_STATUS[x.status].tone}`}>{DOCUMENT_STATUS[x.status].name}</Text>
          </View>
          {x.status === 'valid' && revoking !== x.serial && (
            <Button className="btn btn-plain sd-doc-btn" data-testid="revoke-document" onClick={() => setRevoking(x.serial)}>
              撤销证明
            </Button>
          )}
          {revoking === x.serial && (
            <RevokeForm
              doc={x}
              onCancel={() => setRevoking(undefined)}
              onError={onError}
              onRevoked={async () => {
                setRevoking(undefined);
                onDone(await refreshed((ds) => ds.map((y) => (y.serial === x.serial ? { ...y, status: 'revoked' } : y))), '已撤销证明');
              }}
            />
          )}
        </View>
      ))}
      {canIssue && (
        <IssueButton
          d={d}
          onError={onError}
          onIssued={async (doc) =>
            onDone(await refreshed((ds) => [...ds, { serial: doc.serial, title: doc.title, kind: doc.kind, status: doc.status }]), '证明已出具')
          }
        />
      )}
    </View>
  );
}

function RevokeForm({
  doc,
  onCancel,
  onError,
  onRevoked,
}: {
  doc: DocumentRef;
  onCancel: () => void;
  onError: Props['onError'];
  onRevoked: () => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const { busy, send } = useSubmit(onError, setFormError);

  const submit = async () => {
    const r = RevokeRequest.safeParse({ reason });
    if (!r.success) {
      setError(r.error.issues[0].message);
      return;
    }
    setError(undefined);
    if (!(await confirmStep('撤销证明', '撤销后核验将显示已撤销，且不可恢复', '确定撤销', '再想想'))) return;
    setFormError(undefined);
    await send(async () => {
      await documentsApi.revoke(doc.serial, r.data.reason);
      await onRevoked();
    });
  };

  return (
    <View className="sd-form" data-testid="revoke-form">
      <View className="sd-form-title">撤销《{doc.title}》</View>
      <TextBox label="撤销原因" value={reason} onInput={setReason} max={200} placeholder="写明撤销原因，核验这份证明的人会看到" error={error} />
      <SendButton className="btn sd-submit" testId="revoke-confirm" error={formError} busy={busy} onClick={submit}>
        确认撤销
      </SendButton>
      <Button className="btn btn-plain sd-doc-btn" disabled={busy || undefined} onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}

function IssueButton({
  d,
  onError,
  onIssued,
}: {
  d: StaffApplicationView;
  onError: Props['onError'];
  onIssued: (doc: Awaited<ReturnType<typeof documentsApi.issue>>) => Promise<void>;
}) {
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit(onError, setError);
  const issue = async () => {
    setError(undefined);
    await send(async () => onIssued(await documentsApi.issue(d.appNo)));
  };
  return (
    <View className="sd-issue">
      <View className="muted">本事项出具加盖本部门电子印章的证明，出具后自动放入申请人的证照夹。</View>
      <SendButton className="btn sd-submit" testId="issue-document" error={error} busy={busy} onClick={issue}>
        出具电子证明
      </SendButton>
    </View>
  );
}
