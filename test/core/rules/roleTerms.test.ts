import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inconsistentRoleTerms } from '../../../server/src/core/rules/inconsistent-role-terms';
import { runRule } from '../../support/rules';

describe('inconsistent-role-terms', () => {
  it('reports the minority title for the enforcing group', () => {
    const text = 'Community stewards decide.\n\nCommunity stewards explain.\n\nCommunity leaders review.\n';
    assert.deepEqual(runRule(inconsistentRoleTerms, text).map((f) => [f.line, f.text, f.message]), [
      [5, 'Community leaders', 'Unexpected "Community leaders": the policy calls them "community stewards" 2 times; expected one title throughout.'],
    ]);
  });

  it('does not treat project maintainers as a second title for community leaders', () => {
    assert.deepEqual(runRule(inconsistentRoleTerms, 'Community leaders enforce this. Project maintainers merge code.\n'), []);
  });

  it('counts project maintainers as a title where the sentence makes them the enforcers', () => {
    const text = 'Community leaders decide.\n\nCommunity leaders explain.\n\nReport it to the project maintainers responsible for enforcement.\n';
    assert.deepEqual(runRule(inconsistentRoleTerms, text).map((f) => [f.line, f.text]), [[5, 'project maintainers']]);
  });

  it('tells "project stewards" from "community moderators", each use on its own', () => {
    const text = 'Community moderators act. Community moderators reply. Community moderators log.\n\nAsk the project stewards; the project stewards keep it private.\n';
    assert.deepEqual(runRule(inconsistentRoleTerms, text).map((f) => [f.line, f.text]), [[3, 'project stewards'], [3, 'project stewards']]);
  });

  it('accepts one title used throughout, singular or plural', () => {
    assert.deepEqual(runRule(inconsistentRoleTerms, 'A community moderator replies. Community moderators decide.\n'), []);
  });
});
