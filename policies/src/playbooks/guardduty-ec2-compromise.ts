import { AWS_MANAGED_POLICIES, ISOLATION_TAG } from '@orgops/guardrails';
import { BREAK_GLASS_ROLE } from '../exemptions.ts';
import { incidentResponder } from '../permission-sets.ts';
import { definePlaybook } from './define.ts';

/**
 * A high-severity GuardDuty finding on an instance: isolate it without destroying evidence.
 * Network first (stop the damage), then credentials (the instance role's keys may already be
 * outside), then evidence (snapshots before anything is stopped).
 */
export const guardDutyEc2Compromise = definePlaybook({
  id: 'guardduty-ec2-compromise',
  title: 'GuardDuty high-severity finding on an EC2 instance: isolate the instance',
  severity: 'HIGH',
  trigger: {
    guardDutyFindingTypes: [
      'Backdoor:EC2/C&CActivity.B',
      'Backdoor:EC2/DenialOfService.Tcp',
      'CryptoCurrency:EC2/BitcoinTool.B',
      'Trojan:EC2/DNSDataExfiltration',
      'UnauthorizedAccess:EC2/TorClient',
      'Impact:EC2/MaliciousDomainRequest.Reputation',
    ],
    securityHubControls: [],
    cloudTrailEvents: [],
  },
  runAs: incidentResponder,
  appliesTo: ['/Workloads', '/Infrastructure', '/Sandbox'],
  steps: [
    {
      kind: 'respond',
      id: 'read-finding',
      title: 'Read the finding: instance, remote endpoint, severity',
      why: 'Confirms the instance id and whether the finding is network activity or credential use.',
      actions: ['guardduty:GetFindings'],
    },
    {
      kind: 'respond',
      id: 'describe-instance',
      title: 'Record the instance, its network interfaces, security groups and instance profile',
      why: 'The current configuration is evidence and is needed to restore or rebuild later.',
      actions: [
        'ec2:DescribeInstances',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeIamInstanceProfileAssociations',
      ],
    },
    {
      kind: 'respond',
      id: 'create-isolation-group',
      title: `Create an isolation security group in the VPC, tagged ${ISOLATION_TAG.key}=${ISOLATION_TAG.value}, and revoke its default egress rule`,
      why: 'A group with no rules allows no new traffic either way; the tag, set at creation, is what lets the responder put it on an interface.',
      actions: ['ec2:CreateSecurityGroup', 'ec2:CreateTags', 'ec2:RevokeSecurityGroupEgress'],
      context: { 'ec2:CreateAction': 'CreateSecurityGroup' },
    },
    {
      kind: 'respond',
      id: 'swap-security-groups',
      title:
        'Replace the security groups of every network interface of the instance with the isolation group',
      why: 'Cuts command-and-control and lateral movement on every interface, not just the primary one. Connections already tracked may survive the swap, so watch the flow logs.',
      actions: ['ec2:ModifyNetworkInterfaceAttribute'],
      context: { [`aws:ResourceTag/${ISOLATION_TAG.key}`]: ISOLATION_TAG.value },
      resources: [
        'arn:aws:ec2:eu-west-1:111122223333:network-interface/eni-0compromised',
        'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0isolation',
      ],
    },
    {
      kind: 'respond',
      id: 'detach-instance-profile',
      title: 'Detach the instance profile',
      why: 'New role credentials stop reaching the instance; credentials already taken stay valid until revoked.',
      actions: ['ec2:DisassociateIamInstanceProfile'],
    },
    {
      kind: 'respond',
      id: 'deny-instance-role',
      title: 'If no other instance uses the role, attach AWSDenyAll to it',
      why: 'Credentials read from the metadata service keep working until they expire; deny-all stops them now.',
      actions: ['iam:AttachRolePolicy'],
      context: { 'iam:PolicyARN': AWS_MANAGED_POLICIES.AWSDenyAll },
    },
    {
      kind: 'respond',
      id: 'snapshot-volumes',
      title: 'Snapshot every attached volume, tagged with the finding id',
      why: 'Disk evidence before anything else changes the instance; tags tie the snapshots to the case.',
      actions: ['ec2:CreateSnapshots', 'ec2:CreateTags'],
      context: { 'ec2:CreateAction': 'CreateSnapshots' },
    },
    {
      kind: 'escalate',
      id: 'capture-memory',
      title: 'Capture memory through Systems Manager before the instance is stopped',
      why: 'Memory (processes, keys, network state) is lost at stop.',
      actions: ['ssm:SendCommand'],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason:
        'ssm:SendCommand runs arbitrary commands as root on instances: a forensic capability, not a containment one.',
    },
    {
      kind: 'respond',
      id: 'stop-instance',
      title: 'Stop the instance once memory is captured or judged unnecessary',
      why: 'Stops whatever still runs; stop, not terminate, so the volumes stay.',
      actions: ['ec2:StopInstances'],
    },
    {
      kind: 'respond',
      id: 'record-triage',
      title: 'Mark the finding as in progress with a note',
      why: 'Security Hub workflow status is the shared record of who is handling what.',
      actions: ['securityhub:BatchUpdateFindings'],
      context: { 'securityhub:ASFFSyntaxPath/Workflow.Status': 'NOTIFIED' },
    },
    {
      kind: 'escalate',
      id: 'share-evidence',
      title: 'Share the snapshots with the security-tooling account for forensics',
      why: 'Analysis happens away from the compromised account.',
      actions: ['ec2:ModifySnapshotAttribute'],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason:
        'Sharing a snapshot copies the data out of the account; the responder does not read or move data.',
    },
  ],
});
