/** IPC channel names shared by main (src/main/electron) and the preload. Nothing else uses IPC. */
export const IPC_CONNECT = 'mlcycle:connect';
export const IPC_PORT = 'mlcycle:port';
export const IPC_UNAVAILABLE = 'mlcycle:unavailable';
