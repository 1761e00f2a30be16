import { LIMITS } from '../limits.ts';
import type { Site } from '../site.ts';
import type { Tags } from '../tags.ts';
import { accountPath, ouPath, permissionSetPath } from './paths.ts';
import type { RuleContext } from './rule.ts';
import { distinctPolicies } from './targets.ts';

/** A resource that carries tags, with the per-resource tag maximum of its service. */
export interface TaggedResource {
  readonly label: string;
  readonly path: string;
  readonly tags: Tags;
  readonly maxTags: number;
  readonly site?: Site;
}

export function taggedResources(ctx: RuleContext): TaggedResource[] {
  const orgMax = LIMITS.organizations.maxTagsPerResource;
  const out: TaggedResource[] = [];
  for (const ou of ctx.collected.ous) {
    if (ou.tags)
      out.push({ label: `OU ${ou.name}`, path: ouPath(ou), tags: ou.tags, maxTags: orgMax, site: ou.site });
  }
  for (const a of ctx.collected.accounts) {
    if (a.tags)
      out.push({
        label: `Account "${a.name}"`,
        path: accountPath(a),
        tags: a.tags,
        maxTags: orgMax,
        site: a.site,
      });
  }
  for (const { policy: p, path } of distinctPolicies(ctx)) {
    if (p.tags && !p.awsManaged)
      out.push({ label: `Policy "${p.name}"`, path, tags: p.tags, maxTags: orgMax, site: p.site });
  }
  // Identity Center documents no per-resource tag quota; CreatePermissionSet takes at most this many.
  for (const ps of ctx.collected.permissionSets) {
    if (ps.tags) {
      out.push({
        label: `Permission set "${ps.name}"`,
        path: permissionSetPath(ps),
        tags: ps.tags,
        maxTags: LIMITS.identityCenter.maxTagsPerRequest,
        site: ps.site,
      });
    }
  }
  return out;
}
