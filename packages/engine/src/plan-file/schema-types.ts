import type * as z from 'zod';

/**
 * Type-level checks that a zod schema describes exactly a TypeScript type, so the plan file's
 * schema and the engine's types cannot drift apart unnoticed: a field added, removed, made
 * optional or retyped on one side fails `tsc` until the other side follows.
 */

/** A readonly type with every `readonly` removed, to compare with a zod schema's (mutable) output. */
export type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

/** Exact type equality (not mere assignability, which would miss a new optional field). */
export type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** `true` when the schema's output is exactly `T`. */
export type SchemaMatches<S extends z.ZodType, T> = Equals<z.output<S>, DeepMutable<T>>;
