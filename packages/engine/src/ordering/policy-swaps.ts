/** One step of bringing a holder's policies from what it has to what config wants. */
export interface SwapStep<K> {
  readonly action: 'attach' | 'detach';
  readonly key: K;
}

/**
 * Orders the attaches and detaches on one target (the root, an OU, an account) so the count of
 * directly attached policies of the type stays within AWS's minimum and maximum after every call:
 * attach first, because the last SCP cannot be detached (MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED,
 * aws-facts.md §1.4: "attach new, then detach old"); at the cap, detach first, because one more
 * would exceed the maximum (MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED, §1.1; TF#41493).
 * `complete` is false when no order of single calls gets there; the planner then refuses the
 * target instead of planning half of it.
 */
export function sequencePolicySwaps<K>(input: {
  readonly attach: readonly K[];
  readonly detach: readonly K[];
  /** Policies of the type attached now, unmanaged ones included (they occupy the same slots). */
  readonly count: number;
  readonly min: number;
  readonly max: number;
}): { readonly steps: readonly SwapStep<K>[]; readonly complete: boolean } {
  const attach = [...input.attach];
  const detach = [...input.detach];
  const steps: SwapStep<K>[] = [];
  let count = input.count;
  while (attach.length || detach.length) {
    if (attach.length && count < input.max) {
      steps.push({ action: 'attach', key: attach.shift()! });
      count++;
    } else if (detach.length && (count > input.min || attach.length === 0)) {
      steps.push({ action: 'detach', key: detach.shift()! });
      count--;
    } else {
      return { steps, complete: false };
    }
  }
  return { steps, complete: true };
}

/**
 * A permission set's managed policies (and customer-managed references) are swapped detach
 * first: a permission set may have none (no minimum), and detaching first keeps it under the 25
 * policies AWS allows (aws-facts.md §3.1) at every step.
 */
export function permissionSetPolicySwaps<K>(was: Iterable<K>, want: Iterable<K>): SwapStep<K>[] {
  const before = new Set(was);
  const after = new Set(want);
  return [
    ...[...before].filter((k) => !after.has(k)).map((key) => ({ action: 'detach' as const, key })),
    ...[...after].filter((k) => !before.has(k)).map((key) => ({ action: 'attach' as const, key })),
  ];
}
