import { FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS } from '@orgops/model';
/**
 * Content of the AWS-managed organization policies, which never changes: the reader fills it in
 * instead of paying a DescribePolicy call (2 per second) for each.
 */
export const AWS_MANAGED_POLICY_CONTENT: Readonly<Record<string, string>> = {
  [FULL_AWS_ACCESS.id]:
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
  [RCP_FULL_AWS_ACCESS.id]:
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
};
