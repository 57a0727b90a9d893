import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, findSuppressionComments, RULES, SUPPRESSION_COMMENT, suppressionFilter } from '../../server/src/core/index';
import { upstreamLibrary, upstreamText } from '../support/upstream';

const known = new Set(RULES.map((r) => r.id));
const PLACEHOLDER = '[INSERT CONTACT METHOD]';

/** The 2.1 text (read from the bundle at run time) with `comment` on the line before its contact placeholder's line, or at the top. */
function policyWith(comment: string, where: 'before-placeholder' | 'top' | 'end' = 'before-placeholder'): string {
  const body = upstreamText('2.1').body;
  if (where === 'top') return `${comment}\n${body}`;
  if (where === 'end') return `${body}\n${comment}\n`;
  const lineStart = body.lastIndexOf('\n', body.indexOf(PLACEHOLDER)) + 1;
  return `${body.slice(0, lineStart)}${comment}\n${body.slice(lineStart)}`;
}

function rulesFound(text: string): string[] {
  return checkText(text, upstreamLibrary()).findings.map((f) => f.rule);
}

describe('suppression comments', () => {
  it('reports the placeholder without any comment (the baseline the other tests rely on)', () => {
    assert.ok(rulesFound(policyWith('')).includes('unfilled-placeholder'));
  });

  it('conduct-disable-next-line silences the named rule on the next line only', () => {
    assert.ok(!rulesFound(policyWith('<!-- conduct-disable-next-line unfilled-placeholder -->')).includes('unfilled-placeholder'));
    // Two lines above the placeholder it no longer reaches it.
    assert.ok(rulesFound(policyWith('<!-- conduct-disable-next-line unfilled-placeholder -->\n')).includes('unfilled-placeholder'));
  });

  it('conduct-disable-next-line with another rule id leaves the placeholder reported', () => {
    assert.ok(rulesFound(policyWith('<!-- conduct-disable-next-line outdated-base -->')).includes('unfilled-placeholder'));
  });

  it('conduct-disable silences from its line on, and conduct-enable turns the rule back on', () => {
    const disabled = rulesFound(policyWith('<!-- conduct-disable unfilled-placeholder -->', 'top'));
    assert.ok(!disabled.includes('unfilled-placeholder'));
    assert.ok(disabled.includes('outdated-base'), 'other rules still report');
    assert.ok(rulesFound(policyWith('<!-- conduct-disable unfilled-placeholder -->', 'end')).includes('unfilled-placeholder'), 'a comment after the finding does not reach back');
    const reenabled = policyWith('<!-- conduct-enable -->').replace(/^/, '<!-- conduct-disable unfilled-placeholder -->\n');
    assert.ok(rulesFound(reenabled).includes('unfilled-placeholder'));
  });

  it('conduct-disable without ids silences every rule', () => {
    assert.deepEqual(rulesFound(policyWith('<!-- conduct-disable -->', 'top')), []);
  });

  it('conduct-disable-file silences its rules wherever it stands, even at the end', () => {
    const found = rulesFound(policyWith('<!-- conduct-disable-file unfilled-placeholder, outdated-base -- we fill it at release time -->', 'end'));
    assert.ok(!found.includes('unfilled-placeholder') && !found.includes('outdated-base'), found.join());
  });

  it('reports a rule id no rule has, on the comment, and still applies the known ones', () => {
    const text = policyWith('<!-- conduct-disable-next-line unfiled-placeholder unfilled-placeholder -->');
    const findings = checkText(text, upstreamLibrary()).findings;
    const unknown = findings.filter((f) => f.rule === SUPPRESSION_COMMENT);
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 'warning');
    assert.match(unknown[0].message, /^Unknown rule "unfiled-placeholder" in a conduct-disable-next-line comment; expected a rule id/);
    assert.equal(text.slice(unknown[0].span.start, unknown[0].span.end), '<!-- conduct-disable-next-line unfiled-placeholder unfilled-placeholder -->');
    assert.ok(!findings.some((f) => f.rule === 'unfilled-placeholder'));
  });

  it('ignores comments inside fenced code blocks: they are examples', () => {
    const text = '# Notes\n\n```markdown\n<!-- conduct-disable -->\n```\n\nText <!-- conduct-disable-line -->\n';
    const comments = findSuppressionComments(text, known);
    assert.deepEqual(comments.map((c) => c.kind), ['disable-line']);
  });

  it('reads the directive, its rule ids (spaces or commas) and skips a reason after --', () => {
    const [comment] = findSuppressionComments('<!--conduct-disable mojibake,vandalism  stray-content -- pasted on purpose-->', known);
    assert.equal(comment.kind, 'disable');
    assert.deepEqual(comment.rules, ['mojibake', 'vandalism', 'stray-content']);
    assert.equal(comment.all, false);
    assert.deepEqual(comment.unknown, []);
  });

  it('conduct-disable-line covers its own line and nothing else', () => {
    const text = 'one <!-- conduct-disable-line mojibake -->\ntwo\n';
    const silenced = suppressionFilter(text, findSuppressionComments(text, known));
    assert.equal(silenced('mojibake', 0), true);
    assert.equal(silenced('vandalism', 0), false);
    assert.equal(silenced('mojibake', text.indexOf('two')), false);
  });

  it('does not read a longer directive name as a shorter one', () => {
    assert.deepEqual(findSuppressionComments('<!-- conduct-disabled -->', known), []);
  });
});
