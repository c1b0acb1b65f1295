export * from './categories';
export * from './geo';
