import { isServiceError, type ServiceError } from '@orgops/live';
import { isOrgopsError } from '@orgops/model';
import { CommanderError } from 'commander';
import { paint } from './color.ts';
import type { CommandContext } from './command-context.ts';
import { EXIT } from './exit-codes.ts';
import { buildProgram } from './program.ts';

/**
 * Runs the CLI and returns the exit code. The single catch: coded user errors print their code
 * and message; anything else is an internal error, with the stack when ORGOPS_DEBUG is set.
 */
export async function main(argv: readonly string[], ctx: CommandContext): Promise<number> {
  let code: number = EXIT.ok;
  const run = { ...ctx, command: ctx.command ?? ['orgops', ...argv].join(' ') };
  const program = buildProgram(run, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (isServiceError(err)) {
      ctx.io.err(`${paint.red(ctx.io.errColor, 'error')} [aws:${err.code}] ${err.message}`);
      const hint = awsHint(err, ctx.env);
      if (hint) ctx.io.err(`  fix: ${hint}`);
      return EXIT.error;
    }
    if (isOrgopsError(err)) {
      ctx.io.err(`${paint.red(ctx.io.errColor, 'error')} [${err.code}] ${err.message}`);
      if (err.source === 'internal' && ctx.env.ORGOPS_DEBUG) ctx.io.err(String(err.stack));
      return EXIT.error;
    }
    const e = err as Error;
    ctx.io.err(
      `${paint.red(ctx.io.errColor, 'internal error')} ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`,
    );
    ctx.io.err(
      ctx.env.ORGOPS_DEBUG
        ? String(e?.stack)
        : 'Set ORGOPS_DEBUG=1 for the stack trace, and please report it.',
    );
    return EXIT.error;
  }
}

/** What to do about the AWS errors people hit first: no credentials, or a role without a permission. */
function awsHint(err: ServiceError, env: NodeJS.ProcessEnv): string | undefined {
  const endpoint = env.AWS_ENDPOINT_URL;
  if (err.code === 'InvalidResponse' && endpoint) {
    return `AWS_ENDPOINT_URL is ${endpoint}, and what answers there is not an AWS API for ${err.service}. Point it at an AWS-compatible endpoint, or unset it to reach AWS.`;
  }
  if (err.code === 'RequestFailed' && !/credentials/i.test(err.message)) {
    return endpoint
      ? `Nothing answered at AWS_ENDPOINT_URL=${endpoint}: start the service there, fix the URL, or unset it to reach AWS.`
      : 'orgops could not reach AWS: check the network (and HTTPS_PROXY, if you need one).';
  }
  if (/credentials/i.test(err.message)) {
    return 'No AWS credentials were found. Sign in with `aws sso login --profile NAME` and pass --profile NAME (or set AWS_PROFILE); in GitHub Actions, assume the role through OIDC.';
  }
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(err.code)) {
    return `The role is not allowed ${err.service}:${err.operation}. Grant it (packages/aws/README.md lists the plan and apply policies), or run from the management account.`;
  }
  if (err.code === 'AWSOrganizationsNotInUseException')
    return 'This account is not in an organization; run orgops from the management account.';
  return undefined;
}
