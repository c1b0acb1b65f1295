/**
 * The district's service points as seeded (the admin edits them later): the 区政务服务中心 with its business areas and
 * department-staffed windows, "5+2" weekend service (the seeds: 61 items on weekends, 320 cases a day) and "白加黑"
 * evenings on Tuesdays and Thursdays; and each street's 便民服务中心 with a 综合窗口 for the street's items.
 */
import { STREETS } from '../places/streets';
import type { OpeningHours, PointSpec } from './rules';

const OFFICE: OpeningHours = {
  workday: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  weekend: [],
  holiday: [],
};

/** Items a street centre handles at its 综合窗口 (无差别受理). */
export const STREET_ITEMS = [
  'residence-certificate',
  'senior-preferential-card',
  'longevity-allowance',
  'disability-subsidy',
  'employment-registration',
  'unemployment-registration',
  'flexible-employment-insurance',
  'resident-pension-registration',
  'resident-medical-insurance',
  'social-security-card',
];

export const DISTRICT_HALL: PointSpec = {
  id: 'district-hall',
  name: '越秀区政务服务中心',
  kind: 'hall',
  address: '广州市越秀区东风中路 268 号 1–3 楼',
  phone: '020-83000000',
  lat: 23.1322,
  lng: 113.2646,
  geofenceMeters: 200,
  slotMinutes: 30,
  capacityPerWindow: 2,
  hours: {
    workday: OFFICE.workday,
    evening: { weekdays: [2, 4], range: { start: '17:30', end: '20:00' } },
    weekend: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ],
    holiday: [],
  },
  areas: [
    {
      prefix: 'A',
      name: '综合受理区',
      itemIds: [
        'social-security-card',
        'resident-pension-registration',
        'employment-registration',
        'unemployment-registration',
        'unemployment-benefit',
        'retirement',
        'housing-fund-withdrawal',
        'marriage-record-certificate',
        'senior-preferential-card',
        'offsite-medical-filing',
        'medical-reimbursement',
        'information-disclosure',
      ],
    },
    {
      prefix: 'B',
      name: '户政业务区',
      itemIds: [
        'id-card',
        'residence-permit',
        'residence-certificate',
        'hukou-certificate',
        'no-criminal-record',
        'newborn-hukou',
        'hukou-move-in',
        'seal-engraving',
      ],
    },
    {
      prefix: 'C',
      name: '企业开办区',
      itemIds: [
        'company-establishment',
        'individual-business-registration',
        'company-change-registration',
        'company-deregistration',
        'food-business-licence',
        'new-taxpayer',
      ],
    },
    { prefix: 'D', name: '惠企政策兑现区', itemIds: ['policy-claim'] },
  ],
  windows: [
    { no: 1, prefix: 'A', departmentId: 'data', extended: true },
    { no: 2, prefix: 'A', departmentId: 'data', extended: true },
    { no: 3, prefix: 'A', departmentId: 'data', extended: false },
    { no: 4, prefix: 'A', departmentId: 'data', extended: false },
    { no: 5, prefix: 'B', departmentId: 'police', extended: true },
    { no: 6, prefix: 'B', departmentId: 'police', extended: false },
    { no: 7, prefix: 'C', departmentId: 'market', extended: true },
    { no: 8, prefix: 'C', departmentId: 'market', extended: false },
    { no: 9, prefix: 'D', departmentId: 'commerce', extended: false },
  ],
};

/** A street centre: one area, three windows staffed by the street (departmentId `street`); 北京街 opens Saturday mornings. */
export function streetCentre(streetId: string, name: string, i: number): PointSpec {
  const saturday = streetId === 'beijing';
  return {
    id: `street-${streetId}`,
    name: `${name}便民服务中心`,
    kind: 'street',
    streetId,
    address: `广州市越秀区${name}党群服务中心一楼`,
    lat: Math.round((23.118 + (i % 6) * 0.006) * 10_000) / 10_000,
    lng: Math.round((113.252 + Math.floor(i / 6) * 0.012) * 10_000) / 10_000,
    geofenceMeters: 150,
    slotMinutes: 30,
    capacityPerWindow: 2,
    hours: { ...OFFICE, weekend: saturday ? [{ start: '09:00', end: '12:00' }] : [], ...(saturday ? { weekendDays: [6] } : {}) },
    areas: [{ prefix: 'A', name: '综合窗口', itemIds: STREET_ITEMS }],
    windows: [
      { no: 1, prefix: 'A', departmentId: 'street', extended: saturday },
      { no: 2, prefix: 'A', departmentId: 'street', extended: false },
      { no: 3, prefix: 'A', departmentId: 'street', extended: false },
    ],
  };
}

export const SEED_SERVICE_POINTS: PointSpec[] = [DISTRICT_HALL, ...STREETS.map((s, i) => streetCentre(s.id, s.name, i))];
