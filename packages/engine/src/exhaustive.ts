/**
 * Marks the end of a `switch` that must handle every member of a union: `tsc` fails here, naming
 * the missing members, when one is added and not handled. It does nothing at run time, because the
 * compiler has made the call unreachable.
 */
export function handledAll(_unhandled: never): void {}
