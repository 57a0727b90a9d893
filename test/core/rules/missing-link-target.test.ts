import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingLinkTarget } from '../../../server/src/core/rules/missing-link-target';
import { seed } from '../../support/upstream';
import { listed, run, seen } from '../../support/rules';

const nothingExists = { fileExists: () => false };

describe('missing-link-target', () => {
  it('reports the SECURITY.md that seed 001 refers to when it is absent, and nothing when it exists', () => {
    const text = seed('001');
    const findings = run(missingLinkTarget, text, nothingExists);
    assert.deepEqual(seen(text, findings), [{ line: 138, text: 'SECURITY.md' }], listed(text, findings));
    assert.equal(findings[0].message, 'Unexpected reference to "SECURITY.md", expected a file that exists: there is no SECURITY.md next to this policy, in .github/ or in docs/.');
    assert.deepEqual(run(missingLinkTarget, text, { fileExists: (path) => path === 'SECURITY.md' }), []);
    assert.deepEqual(run(missingLinkTarget, text, { fileExists: (path) => path === '../SECURITY.md' }), [], 'a policy in .github/ may refer to the root file');
  });

  it('reports relative links and images to missing files, decoded and without anchor or query', () => {
    const asked: string[] = [];
    const env = { fileExists: (path: string) => (asked.push(path), path === 'docs/present.md') };
    const text = 'See [steps](./docs/enforcement%20steps.md#appeals), [ok](docs/present.md?plain=1) and ![chart](img/ladder.png).\n';
    const findings = run(missingLinkTarget, text, env);
    assert.deepEqual(seen(text, findings), [
      { line: 1, text: './docs/enforcement%20steps.md#appeals' },
      { line: 1, text: 'img/ladder.png' },
    ], listed(text, findings));
    assert.deepEqual(asked, ['docs/enforcement steps.md', 'docs/present.md', 'img/ladder.png']);
    assert.match(findings[0].message, /^Unexpected link target "\.\/docs\/enforcement%20steps\.md#appeals", expected a file that exists: there is no "docs\/enforcement steps\.md" next to this policy\.$/);
  });

  it('leaves alone absolute URLs, anchors, mailto:, files named inside URLs or link text, and the other seeds', () => {
    for (const text of [
      'See [scope](#scope), [site](https://example.org/CONTRIBUTING.md), [mail](mailto:a@example.org), [root](/docs/x.md) and <https://example.org/x.md>.\n',
      'Read https://example.org/SECURITY.md or [SECURITY.md](https://example.org/SECURITY.md).\n',
      ...['000', '002', '003', '004'].map(seed),
    ]) {
      const findings = run(missingLinkTarget, text, nothingExists);
      assert.deepEqual(findings, [], `${text.slice(0, 80)}\n${listed(text, findings)}`);
    }
  });

  it('is silent when the environment cannot tell', () => {
    const text = 'See [steps](docs/steps.md) and SECURITY.md.\n';
    assert.deepEqual(run(missingLinkTarget, text), []);
    assert.deepEqual(run(missingLinkTarget, text, { fileExists: () => undefined }), []);
    assert.deepEqual(run(missingLinkTarget, text, { fileExists: () => { throw new Error('no access'); } }), []);
  });

  it('reports a file named in inline code', () => {
    const text = 'Follow `GOVERNANCE.md` for appeals.\n';
    assert.deepEqual(seen(text, run(missingLinkTarget, text, nothingExists)), [{ line: 1, text: 'GOVERNANCE.md' }]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '[x](%)', '[x](%E0%A4%A)', '[x](./)', '.md', 'a/.md', '``', '`x.md`']) run(missingLinkTarget, text, nothingExists);
  });
});
