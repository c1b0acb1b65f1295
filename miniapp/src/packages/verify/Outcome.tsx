import { Text, View } from '@tarojs/components';
import type { VerifyOutcome, VerifyResult } from '../../api/documents';
import { formatDate, formatDateTime, formatDay } from '../../components/Timeline';

/** Each outcome as a picture: a sign, a colour and the words a person reads first. */
export const OUTCOMES: Record<VerifyOutcome, { word: string; sign: string }> = {
  genuine: { word: '真实有效', sign: '✓' },
  revoked: { word: '已撤销', sign: '✕' },
  expired: { word: '已过有效期', sign: '!' },
  altered: { word: '文件已被改动，不是原件', sign: '✕' },
  unknown: { word: '无法识别', sign: '?' },
};

function Fact({ name, children }: { name: string; children: string }) {
  return (
    <View className="vf-fact">
      <Text className="muted vf-fact-name">{name}</Text>
      <Text className="vf-fact-value">{children}</Text>
    </View>
  );
}

/** 核验结果: the badge first (green 真实有效, red 已撤销 …), then what the document says, then what the file check found. */
export function Outcome({ r, viaFile }: { r: VerifyResult; viaFile: boolean }) {
  const o = OUTCOMES[r.outcome] ?? OUTCOMES.unknown;
  const doc = r.document;
  return (
    <View className="section vf-result" data-testid="verify-result">
      <View className={`vf-badge vf-o-${r.outcome}`} role="status" aria-live="polite" data-testid="verify-outcome" data-outcome={r.outcome}>
        <View className="vf-sign" aria-hidden="true">
          {o.sign}
        </View>
        <View className="vf-word">{o.word}</View>
        {r.message && <View className="vf-message">{r.message}</View>}
      </View>

      {doc?.status === 'revoked' && (
        <View className="vf-revoked-note" data-testid="verify-revoked">
          {doc.revokedAt && <View>撤销时间：{formatDateTime(doc.revokedAt)}</View>}
          <View>撤销原因：{doc.revokedReason || '出具单位未说明'}</View>
        </View>
      )}

      {viaFile && r.file && (
        <View className={`vf-file-reason ${r.file.signature === 'valid' && r.file.matchesRecord ? 'ok' : ''}`} data-testid="verify-file-reason">
          文件检查：{r.file.reason}
        </View>
      )}

      {doc && (
        <View className="vf-facts">
          <View className="vf-title">{doc.title}</View>
          <Fact name="出具单位">{doc.issuer}</Fact>
          <Fact name="证明对象">{doc.subject}</Fact>
          <Fact name="出具日期">{formatDate(doc.issuedAt)}</Fact>
          <Fact name="有效期至">{doc.validUntil ? formatDay(doc.validUntil) : '长期有效'}</Fact>
          <Fact name="证明编号">{doc.serial}</Fact>
        </View>
      )}
      {!doc && r.outcome === 'unknown' && (
        <View className="muted vf-note">文件中没有本系统的电子印章。请向出具证明的单位核实，或用证明上的编号和核验码核验。</View>
      )}
    </View>
  );
}
