import { useRouter } from '@tarojs/taro';
import { ApiError } from '../../../api/client';
import { documentsApi, type DocumentDetail } from '../../../api/documents';
import { DetailShell } from '../../../components/DetailShell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { useActedDetail } from '../../../hooks/useActedDetail';
import { DocumentBody } from './Body';
import './index.css';

/** One document of my 证照夹: what it says, its serial and check code, the QR anyone can scan, the PDF, a share link and its uses. */
export default function DocumentPage() {
  return (
    <Page className="wd">
      <RoleGate
        roles={['resident', 'enterprise']}
        what="电子证明"
        loginText="登录后查看您的电子证明"
        deniedNote={() => '证照夹存放居民和企业办事取得的电子证明。'}
      >
        <DocumentLoader />
      </RoleGate>
    </Page>
  );
}

function DocumentLoader() {
  const { params } = useRouter();
  const serial = (params?.serial ?? '').trim().toUpperCase();
  const detail = useActedDetail<DocumentDetail>(
    () => (serial ? documentsApi.detail(serial) : Promise.reject(new ApiError(400, 'CLIENT', '缺少证明编号，请从证照夹进入'))),
    [serial],
  );
  return <DetailShell detail={detail}>{(d) => <DocumentBody d={d} reload={detail.reload} />}</DetailShell>;
}
