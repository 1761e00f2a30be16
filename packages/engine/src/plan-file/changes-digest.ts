import { canonicalJson } from '@orgops/model';
import type { Change } from '../change.ts';
import { sha256Hex } from './sha256.ts';

/**
 * Digest of one change: SHA-256 (hex) of its canonical JSON, every field included. Two changes
 * with the same digest do exactly the same thing when applied.
 */
export function changeDigest(change: Change): string {
  return sha256(canonicalJson(change));
}

/**
 * Digest of an ordered list of changes (a plan's changes, phase by phase). It covers order too,
 * because the applier runs changes in plan order. Plan files carry it; loading a plan recomputes it
 * so an edited change is refused, and the pull-request review prints it so a reviewer can match
 * the comment to the plan artifact.
 */
export function changesDigest(changes: readonly Change[]): string {
  return sha256(canonicalJson(changes.map(changeDigest)));
}

function sha256(text: string): string {
  return sha256Hex(text);
}
