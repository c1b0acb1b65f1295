export * from './rules';
export * from './queue';
export * from './api';
export * from './points';
