import { libraryFrames } from '@orgops/model';

/**
 * The frames a site skips for a policy or permission set built here: the model's and this
 * library's. The site is then the organization's own file (policies/src/…) that called the
 * building block, not this library.
 */
export const LIBRARY_FRAMES: RegExp = libraryFrames('model', 'guardrails');
