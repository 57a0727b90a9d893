import type { PlaceholderUse } from './placeholders';

/** Words in a template placeholder that show it asks for a way to reach someone. */
const ASKS_FOR_CONTACT = /\b(?:contact|e-?mail|address|reach|report(?:ing)?)\b/i;

/**
 * A placeholder's hover: what belongs in its place, why it matters to a reader, and the
 * quick fixes that fill it (the code actions offer "Fill placeholder…" for every one, and a
 * one-step fill for a contact placeholder when a contact is configured).
 */
export function explainPlaceholder(placeholder: PlaceholderUse): string {
  const shown = placeholder.text.length > 60 ? `${placeholder.text.slice(0, 57)}…` : placeholder.text;
  const lines = [`**Unfilled placeholder** \`${shown.replace(/`/g, "'")}\``, ''];
  const contact = placeholder.kind === 'reporting' || (placeholder.kind === 'template' && ASKS_FOR_CONTACT.test(placeholder.text));
  if (placeholder.kind === 'enforcement') {
    lines.push(
      'What belongs here: how your community handles a report, in your own words: who reads it, how they decide, how long it takes, and how the people involved hear the outcome.',
      '',
      'Why it matters: this text leaves the process to each community. Left as it is, a reader cannot tell what happens after they report, which is exactly what someone weighing whether to report needs to know.',
    );
  } else if (contact) {
    lines.push(
      'What belongs here: how to reach the people who handle reports, such as a shared mailbox (`conduct@your-project.org`), a private form, or named people with a way to reach each of them.',
      '',
      'Why it matters: until it is filled, the policy gives no way to report anything. The reporting path is the part a reader needs most, often in a hurry.',
    );
  } else {
    lines.push(
      'What belongs here: the value this fill-in asks for, written into the sentence around it.',
      '',
      'Why it matters: readers see the template text as it is, so the policy reads as unfinished, and whatever it asks for is missing.',
    );
  }
  lines.push('', 'Quick fix (**Ctrl+.** / **Cmd+.**): **Fill placeholder…** asks for the text and replaces exactly the placeholder.');
  if (contact) lines.push('', 'With a contact set in the `conduct.contact` setting or as `contact` in `.conductrc.json`, **Fill placeholder with "…"** fills it in one step.');
  return lines.join('\n');
}
