import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConductDocument, type UpstreamText } from '../../../server/src/core/index';
import { applyEdits, comparedUpstream, migrateToV3, upgradePolicy, upgradeProblem } from '../../../server/src/core/compare/index';
import { comparedLike, compareWith, differing } from '../../support/compare';
import { seed, upstreamLibrary, upstreamText } from '../../support/upstream';

const library = upstreamLibrary();
const read = (text: string, like: UpstreamText) => parseConductDocument(text, library, { baseSections: library.sectionsOf(like) });
const v20 = upstreamText('2.0');
const v21 = upstreamText('2.1');

describe('three-way upgrade', () => {
  it('upgrades the upstream 2.0 text to exactly the 2.1 wording, with no conflict', () => {
    const result = upgradePolicy(read(v20.body, v20), library, v20, v21);
    assert.ok(result.applied.length > 0);
    assert.deepEqual(result.conflicts, []);
    const comparison = compareWith(v21, comparedLike(result.text, v21));
    assert.deepEqual(differing(comparison), []);
    assert.equal(comparison.summary.wordsChanged, 0);
  });

  it("upgrades seed 003 to 2.1: adds 2.1's wording and keeps 003's contact, links and layout", () => {
    const policy = seed('003');
    const result = upgradePolicy(read(policy, v20), library, v20, v21);
    assert.deepEqual(result.conflicts, []);
    const comparison = compareWith(v21, comparedLike(result.text, v21));
    assert.equal(comparison.summary.wordsChanged, 0, differing(comparison).join('; '));
    const contact = /\[([^\]\s]+@[^\]\s]+)\]\(mailto:/.exec(policy)![0];
    assert.ok(result.text.includes(contact), 'the filled contact stays');
    assert.ok(result.text.includes('](#)'), 'the policy\'s own link target stays');
    assert.ok(result.kept.some((k) => k.kind === 'field'), 'the filled contact is reported as kept');
    // The edits are the whole difference, and each lies inside the policy.
    assert.equal(applyEdits(policy, result.edits), result.text);
    for (const edit of result.edits) assert.ok(edit.span.start <= edit.span.end && edit.span.end <= policy.length);
    for (let i = 1; i < result.edits.length; i++) assert.ok(result.edits[i - 1].span.end <= result.edits[i].span.start, 'edits are disjoint and ordered');
  });

  it("reports a conflict where the policy and upstream changed the same place, and keeps the policy's words", () => {
    const clean = upgradePolicy(read(v20.body, v20), library, v20, v21);
    const at = clean.applied.find((a) => a.kind === 'wording')!.policy.start;
    const ours = `${v20.body.slice(0, at)} wording of our own ${v20.body.slice(at)}`;
    const result = upgradePolicy(read(ours, v20), library, v20, v21);
    assert.ok(result.conflicts.length >= 1);
    assert.ok(result.conflicts.some((c) => c.text.includes('wording of our own')));
    assert.ok(result.text.includes('wording of our own'));
  });

  it("upgrades every earlier wording in the catalog to today's wording of its version, in every language", () => {
    const inexact: string[] = [];
    for (const revision of library.revisions) {
      const today = library.currentOf(revision)!;
      // The earlier wording's own model serves as the policy: it is already read.
      const result = upgradePolicy(comparedUpstream(revision, library).doc, library, revision, today);
      const comparison = compareWith(today, comparedLike(result.text, today));
      if (comparison.summary.wordsChanged) inexact.push(`${revision.entry.version} ${revision.entry.language} ${revision.revision!.commit.slice(0, 8)}: ${differing(comparison).join('; ')}`);
    }
    assert.ok(library.revisions.length >= 290, `${library.revisions.length} earlier wordings`);
    // Two partially translated drafts move a phrase across a heading; everything else is exact.
    assert.ok(inexact.length <= 2, inexact.join('\n'));
    assert.ok(inexact.every((line) => !line.startsWith('1.4 en') && !line.startsWith('2.1 en') && !line.startsWith('2.0 en')), inexact.join('\n'));
  });

  it('refuses 3.0 (a migration), downgrades, and an upgrade to the wording the policy already has', () => {
    assert.match(upgradeProblem(v21, upstreamText('3.0'))!, /migration/);
    assert.match(upgradeProblem(v21, v20)!, /older/);
    assert.match(upgradeProblem(v21, v21)!, /already/);
    assert.equal(upgradeProblem(v20, v21), undefined);
  });
});

describe('guided migration to 3.0', () => {
  const detection = (version: string) => ({ family: 'contributor-covenant', version, language: 'en', similarity: 1, coverage: 1, candidates: [], sections: [], evidence: [], revision: null }) as never;

  it("carries seed 003's reporting contact into 3.0's reporting field and notes the licence", () => {
    const draft = migrateToV3(read(seed('003'), v20), library, detection('2.0'));
    assert.ok(typeof draft !== 'string');
    const placeholder = upstreamText('3.0').frontMatter.reportingPlaceholder!;
    assert.ok(!draft.text.includes(placeholder), 'the reporting placeholder is filled');
    const contact = /\[([^\]\s]+@[^\]\s]+)\]/.exec(seed('003'))![1];
    assert.ok(draft.text.includes(contact));
    assert.ok(draft.notes.some((n) => n.section === 'attribution' && /CC BY-SA 4\.0/.test(n.message)));
  });

  it("carries seed 002's own section over and leaves one comment per decision in the draft", () => {
    const draft = migrateToV3(read(seed('002'), v21), library, detection('2.1'));
    assert.ok(typeof draft !== 'string');
    assert.ok(draft.text.includes('## AI and ML Specific Guidelines'));
    assert.ok(draft.text.indexOf('## AI and ML Specific Guidelines') < draft.text.indexOf('## Attribution'));
    assert.equal((draft.text.match(/<!-- Conduct Lens:/g) ?? []).length, draft.notes.filter((n) => n.section !== 'addenda' && !n.message.startsWith('Carried your reporting')).length + 1);
    assert.ok(draft.notes.some((n) => /Correction/.test(n.message)), 'the 2.x rung 3.0 lacks is noted');
  });

  it('declines a policy that already follows 3.0', () => {
    const v30 = upstreamText('3.0');
    assert.match(migrateToV3(read(v30.body, v30), library, detection('3.0')) as string, /already/);
  });
});
