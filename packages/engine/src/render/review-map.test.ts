import { joinOuPath } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, assignment, attachment, baseDesired, GROUPS } from '../testing/index.ts';
import { planOf } from './fixtures.test-support.ts';
import { renderPlanMarkdown } from './markdown.ts';
import { mermaidFlowchart, mermaidText } from './mermaid.ts';
import { MAP_MAX_OUS, reviewMap } from './review-map.ts';

/** Every line of a flowchart this module writes: a header, a class, a node or an edge. */
const GRAMMAR = [
  /^```mermaid$/,
  /^```$/,
  /^flowchart TD$/,
  /^ {2}classDef [a-z]+ [a-z0-9:#,]+$/,
  /^ {2}[a-z][a-z0-9]*(\["|\("|\(\[")[^"[\]<>`\n]*(<br\/>[^"[\]<>`\n]*)*("\]|"\)|"\]\))(:::[a-z]+)?$/,
  /^ {2}[a-z][a-z0-9]* (-->|-\.->)(\|"[^"[\]<>`|\n]*"\|)? [a-z][a-z0-9]*$/,
];

function mermaidBlock(markdown: string): string[] {
  const start = markdown.indexOf('```mermaid');
  const end = markdown.indexOf('\n```\n', start);
  return markdown.slice(start, end + 4).split('\n');
}

describe('mermaidText', () => {
  it('writes everything that could end a label, start a statement or close the fence as an entity', () => {
    expect(mermaidText('Prod"] --> x')).toBe('Prod#34;#93; --#62; x');
    expect(mermaidText('a\n```\nclick o0 "https://evil"')).toBe(
      'a#92;n#96;#96;#96;#92;nclick o0 #34;https://evil#34;',
    );
    expect(mermaidText('<img src=x>@org #12|;')).toBe('#60;img src=x#62;#64;org #35;12#124;#59;');
  });

  it('refuses a node id that was not generated', () => {
    expect(() => mermaidFlowchart([{ id: 'x"]; click', lines: ['a'] }], [])).toThrow(/not a generated id/);
  });
});

describe('the review map', () => {
  it('draws hostile OU and account names as inert labels', () => {
    const ou = 'Prod"] --> o0\n```\nclick o0 "https://evil.example"';
    const path = joinOuPath('/Workloads', ou);
    const d = baseDesired();
    const desired = {
      ...d,
      ous: [...d.ous, { path, name: ou, parentPath: '/Workloads', tags: {} }],
      accounts: d.accounts.map((a) =>
        a.name === 'dev-app' ? { ...a, name: '@org/admins #12 <script>', parentPath: path } : a,
      ),
    };
    const plan = planOf(
      [
        [
          'create-assignments',
          assignment('create', GROUPS.admins, 'Admin', { ...ACCOUNTS.dev, name: '@org/admins #12 <script>' }),
        ],
      ],
      desired,
    );
    const block = mermaidBlock(renderPlanMarkdown(plan));
    for (const line of block)
      expect(
        GRAMMAR.some((re) => re.test(line)),
        line,
      ).toBe(true);
    expect(block.filter((l) => l.startsWith('```'))).toHaveLength(2);
    expect(block.join('\n')).not.toMatch(/^\s*click/m);
  });

  it('draws only what a plan touches, and folds OUs past the limit, at 1,000 accounts', () => {
    const d = baseDesired();
    const ous = Array.from({ length: 60 }, (_, i) => ({
      path: `/Workloads/Team${i}`,
      name: `Team${i}`,
      parentPath: '/Workloads',
      tags: {},
    }));
    const accounts = Array.from({ length: 1000 }, (_, i) => ({
      email: `a${i}@example.com`,
      id: String(500000000000 + i),
      name: `acct-${i}`,
      parentPath: `/Workloads/Team${i % 60}`,
      tags: {},
      management: false,
    }));
    const desired = { ...d, ous: [...d.ous, ...ous], accounts: [...d.accounts, ...accounts] };
    const plan = planOf(
      [
        ['attachments', attachment('detach', 'deny-leave-org', { kind: 'root' })],
        ...accounts.map(
          (a) => ['create-assignments', assignment('create', GROUPS.admins, 'Admin', a)] as const,
        ),
      ],
      desired,
    );
    const map = reviewMap(plan) ?? '';
    const ouNodes = map.split('\n').filter((l) => /^ {2}o\d+\[/.test(l));
    expect(ouNodes.length).toBeLessThanOrEqual(MAP_MAX_OUS);
    expect(map).toMatch(/more OUs with changes: see the tables/);
    // Untouched OUs (Prod, Dev, Suspended) are not drawn.
    expect(map).not.toMatch(/"Suspended/);
    const review = renderPlanMarkdown(plan, { maxChars: 65_536 });
    expect(review.length).toBeLessThanOrEqual(65_536);
    expect(review).toContain('### Where the changes land');
  });
});
