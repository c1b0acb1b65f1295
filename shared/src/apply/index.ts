export * from './form';
export * from './forms';
export * from './tolerance';
export * from './drafts';
export * from './bundles';
