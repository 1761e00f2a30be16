import { captureSite, type PermissionSet, type PermissionSetOptions, permissionSet } from '@orgops/model';
import { LIBRARY_FRAMES } from '../library-frames.ts';
import type { PermissionSetBlockOptions } from './options.ts';

type Defaults = Omit<PermissionSetOptions, 'relayState' | 'tags'> & { readonly description: string };

/** A permission set from a block's defaults and the caller's overrides. */
export function blockPermissionSet(defaults: Defaults, options: PermissionSetBlockOptions): PermissionSet {
  const ps = permissionSet({
    ...defaults,
    name: options.name ?? defaults.name,
    description: options.description ?? defaults.description,
    sessionDuration: options.sessionDuration ?? defaults.sessionDuration,
    ...(options.relayState ? { relayState: options.relayState } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
  });
  return { ...ps, site: captureSite(LIBRARY_FRAMES) };
}
