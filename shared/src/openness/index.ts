export * from './search';
export * from './publications';
