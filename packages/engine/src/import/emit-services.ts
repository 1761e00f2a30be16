import { FILES, local } from './emit-organization.ts';
import type { ImportedService } from './imported-services.ts';
import { SourceFile } from './source-file.ts';
import { arr, call, obj, raw, str } from './ts-code.ts';

/** services.ts: trusted access and delegated administrators. */
export function emitServices(services: readonly ImportedService[]): SourceFile | undefined {
  if (!services.length) return undefined;
  const file = new SourceFile(FILES.services).model('trustedService');
  const items = services.map((s) => {
    if (!s.delegatedAdministrator) return call('trustedService', str(s.principal));
    file.local(local(FILES.accounts), s.delegatedAdministrator);
    return call(
      'trustedService',
      str(s.principal),
      obj([['delegatedAdministrator', raw(s.delegatedAdministrator)]]),
    );
  });
  file.exportConst('trustedServices', arr(items));
  return file;
}
