export { EXIT } from './exit-codes.ts';
export { type Io, memoryIo, processIo } from './io.ts';
export { loadConfig, resolveConfigEntry } from './load-config.ts';
export { main } from './main.ts';
