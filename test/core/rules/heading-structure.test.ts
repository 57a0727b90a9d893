import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headingStructure } from '../../../server/src/core/rules/heading-structure';
import { seed, upstreamText } from '../../support/upstream';
import { applyFixes, listed, run, seen } from '../../support/rules';

describe('heading-structure', () => {
  it('reports nothing for a policy with one title and sections, or for the seeds', () => {
    for (const text of [
      '# Team Conduct Policy\n\n## Scope\n\nEveryone.\n\n### Details\n\nMore.\n',
      'Team Conduct Policy\n===================\n\nScope\n-----\n\nEveryone.\n',
      '---\ntitle: Team Conduct Policy\n---\n\n## Scope\n\nEveryone.\n',
      '<h1 align="center">Team Conduct Policy</h1>\n\n## Scope\n\nEveryone.\n',
      'Just a paragraph of plain text, with no headings at all.\n',
      ...['000', '001', '002', '003', '004'].map(seed),
    ]) {
      const findings = run(headingStructure, text);
      assert.deepEqual(findings, [], `${text.slice(0, 80)}\n${listed(text, findings)}`);
    }
  });

  it('reports a policy whose first heading is a section, not a title', () => {
    const text = '## Scope\n\nEveryone.\n\n## Reporting\n\nWrite to us.\n';
    const findings = run(headingStructure, text);
    assert.deepEqual(seen(text, findings), [{ line: 1, text: '## Scope' }]);
    assert.match(findings[0].message, /^Unexpected level-2 heading "Scope" as the first heading, expected a level-1 heading/);
  });

  it('notes a policy that starts at level 2 at information level (a site generator supplies the title), and warns when it starts deeper', () => {
    assert.deepEqual(run(headingStructure, '## Scope\n\nEveryone.\n').map((f) => f.severity), ['information']);
    assert.deepEqual(run(headingStructure, '### Scope\n\nEveryone.\n').map((f) => f.severity), [undefined]);
  });

  it('reports every level-1 heading after the first, with a fix that demotes it', () => {
    const text = '# Team Conduct Policy\n\n## Scope\n\nEveryone.\n\n# Reporting\n\nWrite to us.\n\n# Appeals\n\nAsk again.\n';
    const findings = run(headingStructure, text);
    assert.deepEqual(seen(text, findings), [
      { line: 7, text: '# Reporting' },
      { line: 11, text: '# Appeals' },
    ]);
    assert.match(findings[0].message, /^Unexpected second level-1 heading "Reporting", expected one level-1 heading \(the title, "Team Conduct Policy"\)/);
    assert.match(applyFixes(text, findings), /\n## Reporting\n[\s\S]*\n## Appeals\n/);
  });

  it('reports a heading mark followed by a no-break space, which Markdown reads as text (upstream 1.3 es)', () => {
    const text = upstreamText('1.3', 'es').body;
    const findings = run(headingStructure, text);
    assert.equal(findings.length, 1, listed(text, findings));
    assert.match(seen(text, findings)[0].text, /^#\u00A0Código de Conducta/);
    assert.match(findings[0].message, /^Unexpected no-break space after "#", expected a plain space/);
    assert.match(applyFixes(text, findings), /^# Código de Conducta/m);
  });

  it('reports the second level-1 heading of upstream 1.4 fa-ir', () => {
    const text = upstreamText('1.4', 'fa-ir').body;
    const findings = run(headingStructure, text);
    assert.deepEqual(seen(text, findings).map((s) => s.text), ['# مسئولیت های ما'], listed(text, findings));
  });

  it('never throws on odd input', () => {
    for (const text of ['', '#', '#\u00A0', '# \n#', '---\n', '+++\ntitle = "x"\n+++\n', '#'.repeat(7) + ' x']) run(headingStructure, text);
  });
});
