import { closest } from '../closest.ts';
import { EXCLUDED_ELEMENTS, type IamGrammar, STATEMENT_ELEMENTS } from './grammar.ts';

type At = readonly (string | number)[];

export interface StatementInput {
  readonly statement: Readonly<Record<string, unknown>>;
  readonly at: At;
  /** `Statement[0] (Sid DenyAll)` */
  readonly label: string;
  readonly grammar: IamGrammar;
}

/** Keys that are not elements of this grammar and are no misspelling of an excluded one. */
export function unknownKeys(statement: Readonly<Record<string, unknown>>, grammar: IamGrammar): string[] {
  return Object.keys(statement).filter(
    (k) => !STATEMENT_ELEMENTS[grammar].includes(k) && !EXCLUDED_ELEMENTS[grammar].includes(k),
  );
}

/** True when an unknown key looks like `element` misspelt, so a missing `element` is already explained. */
export function misspells(
  statement: Readonly<Record<string, unknown>>,
  grammar: IamGrammar,
  elements: readonly string[],
): boolean {
  return unknownKeys(statement, grammar).some((k) => {
    const guess = closest(k, STATEMENT_ELEMENTS[grammar]);
    return guess !== undefined && elements.includes(guess);
  });
}
