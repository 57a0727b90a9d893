import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/index';

describe('LineIndex', () => {
  it('maps offsets to lines across LF, CRLF and lone CR breaks and back', () => {
    const index = new LineIndex('a\nbb\r\nccc\rd');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(3), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 1 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 2, character: 1 }), 7);
    assert.equal(index.lineCount, 4);
  });

  it('clamps out-of-range positions', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 5);
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
  });
});
