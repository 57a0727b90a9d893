import type { Rule, RuleFinding } from './types';

/** Profanity no policy text needs: the rule's own words were vandalised, or a joke slipped in. */
const PROFANITY = /(?<![\p{L}\p{N}])(?:(?:mother)?fuck(?:s|ed|er|ers|ing|in)?|shit(?:s|ty|head)?|bullshit|cunts?|assholes?|dickheads?|bitch(?:es)?|wankers?|twats?|piss off|stfu|wtf)(?![\p{L}\p{N}])/giu;

/**
 * Sentences that tell people not to report. Each must open its sentence, so "Reports made in
 * bad faith will be ignored" (a real rule) is not read as "reports will be ignored".
 */
const DISCOURAGING = [
  /(?:don['’]?t|do not|no need to) bother (?:reporting|to report|filing|sending)\b/iu,
  /^(?:all |any |your )?(?:reports|complaints) (?:will|are going to) be (?:ignored|deleted|closed without (?:reading|review))\b/iu,
  /^(?:we|the maintainers|maintainers|the team) (?:will )?(?:ignore|delete|do not read|don['’]t read|never read) (?:all |any |your )?(?:reports|complaints)\b/iu,
  /^(?:nobody|no one|no-one) (?:reads|will read|answers|will answer|cares about) (?:reports|complaints|these|them|this)\b/iu,
  /^reporting (?:is|would be) (?:pointless|useless|a waste of time)\b/iu,
];

/**
 * Text that does not belong in any code of conduct: profanity, or a sentence that tells
 * people their reports are pointless. Both usually come from vandalism (an edit nobody
 * reviewed) or a joke left in, and the second undoes the policy's promise.
 */
export const vandalism: Rule = {
  id: 'vandalism',
  summary: 'Profanity, or a sentence that discourages people from reporting.',
  defaultSeverity: 'warning',
  check({ doc }) {
    const text = doc.text;
    const inCode = (start: number) => doc.codeSpans.some((s) => s.start <= start && start < s.end);
    const findings: RuleFinding[] = [];
    for (const m of text.matchAll(PROFANITY)) {
      if (inCode(m.index)) continue;
      findings.push({
        span: { start: m.index, end: m.index + m[0].length },
        message: `Unexpected profanity "${m[0]}", expected the policy's own wording: check the file's history for an edit nobody reviewed.`,
      });
    }
    // Sentences: split after ".!?" or at line breaks, and strip leading Markdown markers.
    for (const m of text.matchAll(/[^.!?\n]+(?:[.!?]+|$)/gm)) {
      const lead = /^[\s>*_#+-]*(?:\d+[.)]\s+)?[*_]*/.exec(m[0])![0].length;
      const sentence = m[0].slice(lead).trimEnd();
      const start = m.index + lead;
      if (!sentence || inCode(start) || !DISCOURAGING.some((p) => p.test(sentence))) continue;
      findings.push({
        span: { start, end: start + sentence.length },
        message: `Unexpected "${sentence.length > 60 ? `${sentence.slice(0, 57)}…` : sentence}", expected the policy to invite reports: this tells people not to report, which undoes the policy.`,
      });
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};
