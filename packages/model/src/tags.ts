/** Resource tags: key -> value. Values may be empty strings, never null. */
export type Tags = Readonly<Record<string, string>>;
