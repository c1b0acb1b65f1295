import type { ELicenceType } from '../guide/schema';

/**
 * The service items whose result is a sealed electronic document (证明开具, issue 15), by item id: its title and how
 * long it is valid. Issued at once when what it certifies is on record (the departments' systems; seeded records
 * stand in for them), otherwise after an officer approves.
 */
export interface CertificateSpec {
  title: string;
  /** days it is valid from the issue date; none: no expiry printed */
  validDays?: number;
  /** who may hold it */
  holder: 'person' | 'firm';
}

export const CERTIFICATE_ITEMS: Readonly<Record<string, CertificateSpec>> = {
  'no-criminal-record': { title: '无犯罪记录证明', validDays: 90, holder: 'person' },
  'residence-certificate': { title: '居住证明', validDays: 90, holder: 'person' },
  'hukou-certificate': { title: '户籍证明', validDays: 90, holder: 'person' },
  'marriage-record-certificate': { title: '婚姻登记记录证明', validDays: 90, holder: 'person' },
  'tax-certificate': { title: '纳税证明', holder: 'firm' },
  'credit-report': { title: '企业信用报告', validDays: 30, holder: 'firm' },
};

export const issuesDocument = (itemId: string) => Object.prototype.hasOwnProperty.call(CERTIFICATE_ITEMS, itemId);

/**
 * Items whose result is a licence of a kind the wallet knows (E_LICENCE_TYPES): delivered electronically, it is written
 * into the holder's wallet, from where later applications use it with their authorisation (issue 15).
 */
export const RESULT_LICENCE: Readonly<Record<string, ELicenceType>> = {
  'company-establishment': 'business-licence',
  'marriage-registration': 'marriage-certificate',
  'residence-permit': 'residence-permit',
};
