import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { DEFERRAL_WORKING_DAYS, EXCLUDED_KINDS, type Material, type ServiceDetail } from '@yx/shared';
import { api } from '../../../api/client';
import { Page } from '../../../components/Page';
import { QrCode } from '../../../components/QrCode';
import { daysLabel, visitsLabel } from '../../../components/ServiceCard';
import { StateView } from '../../../components/StateView';
import { StepFlow } from '../../../components/StepFlow';
import { useAsync } from '../../../hooks/useAsync';
import { DetailHead } from '../../../components/DetailShell';
import './index.css';
import { Button } from '../../../components/Button';

const FORM_NAMES = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件', electronic: '电子件' } as const;
const CHANNEL_NAMES = { online: '网上办理', hall: '窗口办理', 'self-service': '自助终端', mail: '邮寄办理' } as const;
const DELIVERY_NAMES = { pickup: '窗口领取', post: '邮政寄递', electronic: '电子证照' } as const;

export default function GuideDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useAsync(() => api.service(id), [id]);
  return (
    <Page className="detail">
      <StateView loading={state.loading} error={state.error} onRetry={state.reload}>
        {state.data && <DetailBody d={state.data} />}
      </StateView>
    </Page>
  );
}

/** What a material that is not uploaded is, beside its name. */
const NOT_UPLOADED = { form: '在线生成', shared: '部门共享' } as const;
/** The paper a person brings who applies at the window instead. */
const paper = (m: Material) => (m.form === 'original' ? (m.copies > 1 ? `原件 ${m.copies} 份` : '原件') : `${FORM_NAMES[m.form]} ${Math.max(m.copies, 1)} 份`);

export function DetailBody({ d }: { d: ServiceDetail }) {
  const { item, department } = d;
  const required = item.materials.filter((m) => m.required).length;
  const eLicences = item.materials.filter((m) => m.eLicence).length;
  const notUploaded = item.materials.filter((m) => m.source !== 'upload').length;
  const atWindow = item.channels.includes('hall');
  return (
    <View>
      <DetailHead title={item.name} lines={[department.name]}>
        <Text className="tag tag-green">{visitsLabel(item.visits)}</Text>
        {item.online && <Text className="tag tag-orange">全程网办</Text>}
        {item.deferrable && <Text className="tag tag-blue">可容缺受理</Text>}
        {item.audience.map((a) => (
          <Text key={a} className="tag tag-gray">
            {a === 'person' ? '个人' : '企业'}
          </Text>
        ))}
      </DetailHead>

      <View className="detail-facts" aria-label="办理时限与费用">
        <View className="detail-fact">
          <View className="detail-fact-num">{daysLabel(item.promisedDays)}</View>
          <View className="muted">承诺时限</View>
        </View>
        <View className="detail-fact">
          <View className="detail-fact-num strike">{daysLabel(item.statutoryDays)}</View>
          <View className="muted">法定时限</View>
        </View>
        <View className="detail-fact">
          <View className="detail-fact-num">{item.visits}次</View>
          <View className="muted">到现场</View>
        </View>
        <View className="detail-fact">
          <View className="detail-fact-num">{item.fee.charged ? '收费' : '免费'}</View>
          <View className="muted">收费标准</View>
        </View>
      </View>
      {item.fee.charged && <View className="section muted">收费说明：{item.fee.description}</View>}
      {item.excludedKinds.length > 0 && (
        <View className="muted detail-excluded" data-testid="excluded-kinds">
          如需{item.excludedKinds.map((k) => EXCLUDED_KINDS[k]).join('、')}，所需时间依法不计入办理时限（《行政许可法》第四十五条）。
        </View>
      )}

      <View className="section">
        <View className="section-title">受理条件</View>
        {item.conditions.map((c, i) => (
          <View key={i} className="detail-li">
            {i + 1}. {c}
          </View>
        ))}
      </View>

      <View className="section">
        <View className="section-title">申请材料</View>
        <View className="muted detail-mat-sum">
          共 {item.materials.length} 项，必交 {required} 项，{eLicences} 项可用电子证照免交
          {notUploaded > 0 && `，${notUploaded} 项无需上传`}
        </View>
        {item.materials.map((m, i) => (
          <View key={i} className="detail-mat" data-testid="material">
            <View className="detail-mat-name">
              <Text className={`tag ${m.required ? 'tag-red' : 'tag-gray'}`}>{m.required ? '必交' : '选交'}</Text>
              {m.name}
            </View>
            <View>{m.instruction}</View>
            {m.source === 'upload' ? (
              (m.eLicence || (atWindow && m.form !== 'electronic')) && (
                <View className="muted">
                  {atWindow && m.form !== 'electronic' && `窗口办理时带${paper(m)}`}
                  {m.eLicence && <Text className="tag tag-blue detail-elic">电子证照可免交</Text>}
                </View>
              )
            ) : (
              <View className="muted">
                <Text className="tag tag-green">{NOT_UPLOADED[m.source]}</Text>
              </View>
            )}
          </View>
        ))}
      </View>

      <View className="section">
        <View className="section-title">办理流程</View>
        <StepFlow steps={item.steps} />
      </View>

      {d.opinionDepartments.length > 0 && (
        <View className="section">
          <View className="section-title">并联审批</View>
          <View className="muted">以下部门同步出具意见，逾期 5 个工作日未回复视为无意见：</View>
          {d.opinionDepartments.map((o) => (
            <Text key={o.id} className="tag tag-blue detail-op">
              {o.shortName}
            </Text>
          ))}
        </View>
      )}

      <View className="section">
        <View className="section-title">办理方式</View>
        <View className="detail-kv">
          <Text className="muted">办理渠道</Text>
          <Text>{item.channels.map((c) => CHANNEL_NAMES[c]).join('、')}</Text>
        </View>
        <View className="detail-kv">
          <Text className="muted">办理地点</Text>
          <Text>{item.hall}</Text>
        </View>
        <View className="detail-kv">
          <Text className="muted">办理时间</Text>
          <Text>{item.hours}</Text>
        </View>
        <View className="detail-kv">
          <Text className="muted">咨询电话</Text>
          <Text className="detail-link" onClick={() => Taro.makePhoneCall({ phoneNumber: department.phone })}>
            {department.phone}
          </Text>
        </View>
        <View className="detail-kv">
          <Text className="muted">办理结果</Text>
          <Text>{item.result}</Text>
        </View>
        <View className="detail-kv">
          <Text className="muted">送达方式</Text>
          <Text>{item.delivery.map((x) => DELIVERY_NAMES[x]).join('、')}</Text>
        </View>
      </View>

      <View className="section">
        <View className="section-title">设定依据</View>
        {item.legalBasis.map((b, i) => (
          <View key={i} className="detail-li muted">
            {b}
          </View>
        ))}
      </View>

      <View className="section">
        <View className="section-title">常见问题</View>
        {item.faq.map((f, i) => (
          <View key={i} className="detail-faq">
            <View className="detail-faq-q">问：{f.q}</View>
            <View className="detail-faq-a">答：{f.a}</View>
          </View>
        ))}
      </View>

      {d.bundles.length > 0 && (
        <View className="section">
          <View className="section-title">可“一件事”联办</View>
          {d.bundles.map((b) => (
            <View key={b.id} className="detail-bundle" onClick={() => Taro.navigateTo({ url: `/packages/guide/bundle/index?id=${b.id}` })}>
              {b.name} <Text className="muted">› {b.itemIds.length} 个事项一次办</Text>
            </View>
          ))}
        </View>
      )}

      {item.online && (
        <View className="detail-apply">
          {item.deferrable && (
            <View className="muted detail-assurance" data-testid="deferrable">
              容缺受理：信用 A 级企业可暂缺不超过 30%、B 级不超过 20% 的必交材料，签署信用承诺后先行受理，{DEFERRAL_WORKING_DAYS} 个工作日内补交。
            </View>
          )}
          <View className="muted detail-assurance" data-testid="assurance">
            {item.assurance === 1
              ? '网上办理：微信登录并填写实名信息即可。'
              : process.env.TARO_ENV === 'h5'
                ? '网上办理需人脸核验实名（确认是本人）。网页版无法刷脸，请在“越秀政务”微信小程序中核验后办理。'
                : '网上办理需人脸核验实名（确认是本人），首次办理时按提示在微信中刷脸。'}
          </View>
          <Button className="btn" onClick={() => Taro.navigateTo({ url: `/packages/apply/form/index?formId=item-${item.id}` })}>
            在线办理
          </Button>
        </View>
      )}

      <View className="section detail-qr">
        <View className="section-title">一事一码</View>
        <QrCode text={d.qrText} size={320} label={`${item.name}的二维码`} />
        <View className="muted">事项编码 {item.code} · 扫码查看本指南</View>
      </View>
    </View>
  );
}
