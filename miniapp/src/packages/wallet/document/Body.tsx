import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DOCUMENT_STATUS, pastValidity, type DocumentDetail } from '../../../api/documents';
import { DetailHead } from '../../../components/DetailShell';
import { QrCode } from '../../../components/QrCode';
import { formatDate, formatDateTime, formatDay } from '../../../components/Timeline';
import { OpenPdf } from './OpenPdf';
import { ShareBox } from './ShareBox';
import { Uses } from './Uses';

function Fact({ name, children, testId }: { name: string; children: string; testId?: string }) {
  return (
    <View className="wd-fact">
      <Text className="muted wd-fact-name">{name}</Text>
      <Text className="wd-fact-value" data-testid={testId}>
        {children}
      </Text>
    </View>
  );
}

export function DocumentBody({ d, reload }: { d: DocumentDetail; reload: () => void }) {
  const doc = d.document;
  const status = DOCUMENT_STATUS[doc.status];
  const past = doc.status === 'valid' && pastValidity(doc);
  const copy = (text: string) => Taro.setClipboardData({ data: text });
  return (
    <View>
      <DetailHead title={doc.title} lines={[doc.issuer, `证明编号 ${doc.serial}`]}>
        <Text className={`tag ${past ? 'tag-orange' : status.tone}`}>{past ? '已过有效期' : status.name}</Text>
      </DetailHead>

      {doc.status === 'revoked' && (
        <View className="notice wd-revoked" role="alert" data-testid="doc-revoked">
          该证明已被出具单位撤销{doc.revokedAt ? `（${formatDateTime(doc.revokedAt)}）` : ''}，不能再使用。
          {doc.revokedReason && `原因：${doc.revokedReason}`}
        </View>
      )}

      <View className="section wd-card">
        <Fact name="证明对象">{doc.subject}</Fact>
        <Fact name="出具单位">{doc.issuer}</Fact>
        <Fact name="出具日期">{formatDate(doc.issuedAt)}</Fact>
        <Fact name="有效期至">{doc.validUntil ? formatDay(doc.validUntil) : '长期有效'}</Fact>
        <Fact name="证明编号" testId="doc-serial">
          {doc.serial}
        </Fact>
        <View className="wd-fact">
          <Text className="muted wd-fact-name">核验码</Text>
          <View
            className="wd-code tap"
            role="button"
            aria-label={`核验码 ${doc.checkCode}，点按复制`}
            onClick={() => copy(doc.checkCode)}
            data-testid="doc-code"
          >
            {doc.checkCode}
          </View>
        </View>
        {doc.appNo && <Fact name="办件编号">{doc.appNo}</Fact>}
        <View className="muted wd-tip">他人凭证明编号和核验码，或扫描下方二维码，即可核验真伪，无需登录。</View>
      </View>

      <View className="section wd-qr">
        <View className="section-title">扫码核验</View>
        <QrCode text={doc.verifyUrl} size={320} label={`${doc.title}的核验二维码`} />
        <View className="muted">与 PDF 上印的二维码相同</View>
      </View>

      <View className="wd-actions">
        <OpenPdf d={d} onExpired={reload} />
        {doc.status === 'valid' && <ShareBox serial={doc.serial} />}
      </View>

      <Uses uses={d.uses} />
    </View>
  );
}
