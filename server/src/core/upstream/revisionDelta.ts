import { diffArrays } from 'diff';

/**
 * An earlier upstream wording, stored as edits to today's text of the same version and
 * language: a positive number copies that many UTF-16 units of today's text, a negative one
 * skips them, a string is inserted. Lines are compared first and only changed lines word by
 * word, which keeps encoding fast (a whole catalog in under a second) and the delta small
 * (most revisions change a few words).
 */
export type RevisionOps = (number | string)[];

/** One revision as `upstream-texts/revisions.json` stores it. */
export interface RevisionDelta {
  /** Set when the revision writes CRLF line breaks throughout: the ops then work on its LF form. */
  crlf?: true;
  ops: RevisionOps;
}

const LINE = /[^\n]*\n|[^\n]+$/g;
/** Words, runs of white space, and single other characters: what a changed line is diffed by. */
const TOKEN = /\r?\n|[^\S\r\n]+|[\p{L}\p{M}\p{N}]+|[^]/gu;

/** The delta that turns `base` (today's text) into `target` (an earlier wording), exactly. */
export function encodeRevision(base: string, target: string): RevisionDelta {
  // A file whose every line break is CRLF is diffed as LF, so its lines still match today's.
  const crlf = target.includes('\r\n') && !/(?<!\r)\n/.test(target);
  const from = toLf(base);
  const to = crlf ? target.replace(/\r\n/g, '\n') : target;
  const ops: RevisionOps = [];
  let removed = '';
  for (const change of diffArrays(from.match(LINE) ?? [], to.match(LINE) ?? [])) {
    const text = change.value.join('');
    if (change.removed) removed += text;
    else if (change.added) {
      for (const part of diffArrays(removed.match(TOKEN) ?? [], text.match(TOKEN) ?? [])) {
        const value = part.value.join('');
        pushOp(ops, part.added ? value : part.removed ? -value.length : value.length);
      }
      removed = '';
    } else {
      pushOp(ops, -removed.length);
      removed = '';
      pushOp(ops, text.length);
    }
  }
  pushOp(ops, -removed.length);
  return crlf ? { crlf, ops } : { ops };
}

/**
 * Rebuilds an earlier wording from today's text and its delta. Never throws: a delta that
 * does not fit its base gives a wrong text, which the caller's sha256 check reports.
 */
export function applyRevision(base: string, delta: RevisionDelta): string {
  const from = toLf(base);
  let at = 0;
  let out = '';
  for (const op of Array.isArray(delta?.ops) ? delta.ops : []) {
    if (typeof op === 'string') out += op;
    else if (op > 0) out += from.slice(at, (at += op));
    else at -= op;
  }
  return delta?.crlf ? out.replace(/\n/g, '\r\n') : out;
}

function toLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** Appends an op, merging it with the previous one of the same kind (empty ones dropped). */
function pushOp(ops: RevisionOps, op: number | string): void {
  if (op === 0 || op === '') return;
  const last = ops.at(-1);
  if (typeof op === 'string' && typeof last === 'string') ops[ops.length - 1] = last + op;
  else if (typeof op === 'number' && typeof last === 'number' && Math.sign(last) === Math.sign(op)) ops[ops.length - 1] = last + op;
  else ops.push(op);
}
