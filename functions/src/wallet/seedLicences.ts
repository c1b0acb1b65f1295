/**
 * 电子证照 in the seeded people's wallets. Numbers are made up; the holder authorises each use.
 * Types match the catalogue's material eLicence ids.
 */
export interface SeedLicence {
  userId: string;
  id: string;
  type: string;
  name: string;
  number: string;
  issuer: string;
  validUntil?: string;
}

const forPerson = (userId: string, tag: string, idNumber: string, extra: SeedLicence[] = []): SeedLicence[] => [
  { userId, id: `el_${tag}_idcard`, type: 'id-card', name: '居民身份证', number: idNumber, issuer: '广州市公安局越秀分局', validUntil: '2036-03-07' },
  { userId, id: `el_${tag}_hukou`, type: 'household-register', name: '居民户口簿', number: `44010400${tag.length}3871`, issuer: '广州市公安局越秀分局' },
  ...extra,
];

export const SEED_LICENCES: SeedLicence[] = [
  ...forPerson('u-resident-zhang', 'zhang', '440104199003070017', [
    {
      userId: 'u-resident-zhang',
      id: 'el_zhang_marriage',
      type: 'marriage-certificate',
      name: '结婚证',
      number: 'J440104-2019-008812',
      issuer: '广州市越秀区民政局',
    },
    { userId: 'u-resident-zhang', id: 'el_zhang_diploma', type: 'diploma', name: '学历证书（本科）', number: '105581201205001234', issuer: '中山大学' },
    {
      userId: 'u-resident-zhang',
      id: 'el_zhang_driving',
      type: 'driving-licence',
      name: '机动车驾驶证',
      number: '440104199003070017',
      issuer: '广州市公安局交通警察支队',
      validUntil: '2031-06-30',
    },
    {
      userId: 'u-resident-zhang',
      id: 'el_zhang_property',
      type: 'property-certificate',
      name: '不动产权证书',
      number: '粤(2020)广州市不动产权第 01234567 号',
      issuer: '广州市规划和自然资源局',
    },
  ]),
  ...forPerson('u-resident-zhou', 'zhou', '440104196208150033'),
  ...forPerson('u-resident-wu', 'wu', '44010419700612005X'),
  ...forPerson('u-enterprise-chen', 'chen', '440104198511220021', [
    {
      userId: 'u-enterprise-chen',
      id: 'el_chen_licence',
      type: 'business-licence',
      name: '营业执照（广州越秀粤味餐饮有限公司）',
      number: '91440104MA5CXK1P06',
      issuer: '广州市越秀区市场监督管理局',
    },
  ]),
  ...forPerson('u-enterprise-wang', 'wang', '440104197805120048', [
    {
      userId: 'u-enterprise-wang',
      id: 'el_wang_licence',
      type: 'business-licence',
      name: '营业执照（广州东山创新科技有限公司）',
      number: '91440104MA9W2RQ81Q',
      issuer: '广州市越秀区市场监督管理局',
    },
  ]),
];
