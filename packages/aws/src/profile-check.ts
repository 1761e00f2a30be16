import { join } from 'node:path';
import { OrgopsError } from '@orgops/model';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/core/config';

/**
 * Refuses a `--profile` that neither shared file defines. The SDK would only say "Could not load
 * credentials from any providers", and could even fall through to other credentials (a container
 * or instance role) than the ones the user named.
 */
export async function checkProfileExists(profile: string): Promise<void> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  if (Object.hasOwn(configFile, profile) || Object.hasOwn(credentialsFile, profile)) return;
  const home = getHomeDir();
  const configPath = process.env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config');
  const credentialsPath = process.env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials');
  // Sections other than profiles (sso-session, services) come back as `<kind>.<name>`.
  const known = [...new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)])]
    .filter((name) => !/^(sso-session|services)\./.test(name))
    .sort();
  throw new OrgopsError(
    'aws-profile-not-found',
    `AWS profile '${profile}' (--profile) is not defined in ${configPath} or ${credentialsPath}. ` +
      (known.length ? `Profiles defined there: ${known.join(', ')}. ` : 'Those files define no profile. ') +
      `Check the name, or create it with \`aws configure sso --profile ${profile}\`.`,
    'user',
  );
}
