export { main } from './main.ts';
export { memoryIo, processIo, type Io } from './io.ts';
export { loadConfig, resolveConfigEntry } from './load-config.ts';
export { EXIT } from './exit-codes.ts';
