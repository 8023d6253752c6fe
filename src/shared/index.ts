export * from './contract/errors';
export * from './contract/envelope';
export * from './contract/models';
export * from './contract/methods';
export * from './contract/events';
export * from './client';
export * from './stages';
