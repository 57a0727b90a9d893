import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { checkText, LineIndex } from '../../../server/src/core/index';
import { ENGLISH, JAPANESE, SPANISH } from '../../support/bilingual';
import { PROJECT_ROOT, SEEDS_DIR, upstreamLibrary } from '../../support/upstream';

const library = upstreamLibrary();

/** Every finding as "line rule", so that "exactly one not-a-policy finding" reads as it is meant. */
function findings(text: string): string[] {
  const lines = new LineIndex(text);
  return checkText(text, library).findings.map((f) => `${lines.positionAt(f.span.start).line + 1} ${f.rule}`);
}

function message(text: string): string {
  return checkText(text, library).findings[0]?.message ?? '';
}

const CODE = `import { readFileSync } from 'node:fs';

export function load(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.trim();
}
`;

const SCRIPT = `#!/usr/bin/env python3
import sys

def main():
    for line in sys.stdin:
        print(line.upper())

if __name__ == "__main__":
    main()
`;

const DISCLAIMER = `# Disclaimer

This software is offered as it is, with no promise that it works for any purpose. The
authors take no liability for any loss or damage that comes from using it. Use it at your
own risk, and read the licence file for the terms under which you may copy it.
`;

describe('not-a-policy', () => {
  it('reports source code once, and nothing else', () => {
    assert.deepEqual(findings(CODE), ['1 not-a-policy']);
    assert.deepEqual(findings(SCRIPT), ['1 not-a-policy']);
    assert.match(message(CODE), /^This file reads as source code, not as a code of conduct: expected the text of a code of conduct, or a pointer to one\.$/);
  });

  it('reports a disclaimer once, and nothing else', () => {
    assert.deepEqual(findings(DISCLAIMER), ['1 not-a-policy']);
    assert.match(message(DISCLAIMER), /does not read as a code of conduct/);
  });

  it('reports an empty or blank file once', () => {
    assert.deepEqual(findings(''), ['1 not-a-policy']);
    assert.deepEqual(findings('\n  \n\n'), ['1 not-a-policy']);
    assert.match(message(''), /^This file is empty: expected/);
  });

  it('reports a stub once, quoting what it says', () => {
    assert.deepEqual(findings('# Code of Conduct\n\nTODO\n'), ['1 not-a-policy']);
    assert.deepEqual(findings('Coming soon.\n'), ['1 not-a-policy']);
    assert.deepEqual(findings('# Code of Conduct\n\nWe will write this part later.\n'), ['1 not-a-policy']);
    assert.match(message('# Code of Conduct\n\nTODO\n'), /^This file is a stub \("TODO"\): expected/);
    assert.match(message('# Code of Conduct\n'), /^This file has a title and nothing else: expected/);
  });

  it('leaves a pointer to an adopted code alone', () => {
    const pointers = [
      '# Code of Conduct\n\nThis project follows the Contributor Covenant 2.1: https://www.contributor-covenant.org/version/2/1/code_of_conduct/\n',
      'This project follows the Contributor Covenant, version 2.1.\n',
      'We have adopted our company\'s open source code of conduct; read it at https://opensource.pebble.dev/conduct.\n',
    ];
    for (const text of pointers) assert.deepEqual(findings(text).filter((f) => f.endsWith('not-a-policy')), [], text);
  });

  it('leaves short policies alone, in English and in other languages', () => {
    const policies = [
      '# Code of Conduct\n\nBe kind and patient with each other. Harassment of any kind is not tolerated. Report problems privately to care@pebble.dev.\n',
      '# Community guidelines\n\n* Be friendly and patient.\n* Be welcoming to newcomers.\n* Be respectful, even when you disagree.\n\nIf someone makes you uncomfortable, tell the moderators.\n',
      '# Código de conducta\n\nSé amable con los demás. El acoso no se tolera. Informa de cualquier problema a los responsables por correo.\n',
      ENGLISH, SPANISH, JAPANESE,
    ];
    for (const text of policies) assert.deepEqual(findings(text).filter((f) => f.endsWith('not-a-policy')), [], text.slice(0, 40));
  });

  it('is not reported on any seed or any policy of ../shared/corpus (read in place)', () => {
    const corpus = resolve(PROJECT_ROOT, '../shared/corpus');
    const files = [
      ...readdirSync(SEEDS_DIR).map((f) => join(SEEDS_DIR, f)),
      ...readdirSync(corpus).filter((f) => !/\.tsv$|^README/.test(f)).map((f) => join(corpus, f)),
    ];
    assert.ok(files.length >= 40, `${files.length} files`);
    const flagged = files.filter((file) => checkText(readFileSync(file, 'utf8'), library).findings.some((f) => f.rule === 'not-a-policy'));
    assert.deepEqual(flagged, []);
  });

  it('lets the other rules report when it is turned off', () => {
    const { findings: all } = checkText('# Code of Conduct\n\nTODO\n', library, { severities: { 'not-a-policy': 'off' } });
    assert.ok(all.length > 0 && all.every((f) => f.rule !== 'not-a-policy'));
  });
});
