// 会员专区: electronic member card, daily check-in, points ledger, card levels and member day.
export * from './rules';
export * from './checkin';
export * from './calendar';
export * from './levels';
export * from './memberDay';
export * from './codes';
export * from './ledger';
export * from './api';
export * from './views';
