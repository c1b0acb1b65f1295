export * from './vocabulary';
export * from './conditions';
export * from './api';
