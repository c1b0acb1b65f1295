export * from './rules';
export * from './communities';
export * from './sensitive';
export * from './api';
