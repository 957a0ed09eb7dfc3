export * from './platform';
export * from './enterprises';
export * from './hazards';
export * from './files';
export * from './risks';
export * from './checks';
export * from './accidents';
export * from './indicators';
