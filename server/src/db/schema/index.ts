export * from './platform';
export * from './enterprises';
export * from './hazards';
export * from './files';
