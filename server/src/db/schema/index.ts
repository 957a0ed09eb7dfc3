export * from './platform';
export * from './enterprises';
