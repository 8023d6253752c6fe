export * from './origin';
export * from './navigation';
export * from './permissions';
export * from './ipc-sender';
export * from './csp';
export * from './app-protocol';
export * from './restart';
