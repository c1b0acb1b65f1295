export * from './vocabulary';
export * from './conditions';
export * from './api';
export * from './matcher';
