import type { CompareResult, ComparedChange, ComparedSection } from '../../../server/src/protocol';

/** What one report shows: the policy's name and the server's comparison (or why there is none). */
export interface ReportModel {
  policyName: string;
  result: CompareResult;
}

/** Changes listed per section before the rest are counted instead of shown. */
export const CHANGES_SHOWN = 40;

/**
 * The report's whole HTML page. Everything from the comparison is escaped; the page loads
 * nothing (default-src 'none'), and its one style sheet and one script run only with
 * `nonce`. The script posts `{ type: 'ready' }` once it runs, `{ type: 'reveal', section,
 * change? }` when a row or a change is clicked (or chosen with Enter), and keeps the scroll
 * position across refreshes.
 */
export function reportHtml(model: ReportModel, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escape(`Comparison: ${model.policyName}`)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${reportBody(model)}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

/** The report's content: the summary line, then one row per section. */
export function reportBody({ policyName, result }: ReportModel): string {
  if ('error' in result) return `<h1>${escape(policyName)}</h1>\n<p class="error">${escape(result.error)}</p>`;
  const fallback = result.fallback ? `\n<p class="note">${escape(result.fallback)}</p>` : '';
  const rows = result.sections.map(sectionRow).join('\n');
  return `<h1>${escape(policyName)} <span class="against">compared with ${escape(result.against)}</span></h1>
<p class="summary">${escape(result.summary)}</p>${fallback}
<table>
<thead><tr><th>Section</th><th>Status</th><th class="number">Similarity</th><th>Changes</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function sectionRow(section: ComparedSection, index: number): string {
  const renamed = section.upstreamHeading !== undefined && section.upstreamHeading !== section.heading ? `<div class="upstream">upstream: ${escape(section.upstreamHeading)}</div>` : '';
  const heading = section.heading || section.upstreamHeading || '(before the first heading)';
  // A section the policy left out has no place in it to reveal.
  const reveal = section.range ? ` data-section="${index}" tabindex="0" title="Show in the policy"` : '';
  const changes = section.changes.slice(0, CHANGES_SHOWN).map((change, i) => changeItem(change, i, section.range !== undefined));
  const more = section.changes.length > CHANGES_SHOWN ? `<li class="more">${section.changes.length - CHANGES_SHOWN} more</li>` : '';
  const list = changes.length ? `<ul>${changes.join('')}${more}</ul>` : '';
  // An addendum or a left-out section has nothing to be similar to.
  const similarity = section.status === 'added' || section.status === 'removed' ? '—' : `${Math.floor(section.similarity * 100)}%`;
  return `<tr class="status-${section.status}"${reveal}><td>${escape(heading)}${renamed}</td><td><span class="status">${escape(section.label)}</span></td><td class="number">${similarity}</td><td>${list}</td></tr>`;
}

function changeItem(change: ComparedChange, index: number, revealable: boolean): string {
  const attributes = revealable ? ` data-change="${index}" tabindex="0"` : '';
  return `<li class="change change-${change.kind}"${attributes}>${changeText(change)}</li>`;
}

/** One change as words: what upstream said struck out, what the policy says inserted. */
export function changeText(change: ComparedChange): string {
  const del = change.upstreamText ? `<del>${escape(change.upstreamText)}</del>` : '';
  const ins = change.text ? `<ins>${escape(change.text)}</ins>` : '';
  switch (change.kind) {
    case 'insert':
      return ins;
    case 'delete':
      return del;
    case 'replace':
      return `${del} ${ins}`;
    case 'field':
      return `<span class="kind">field</span> ${del} → ${ins}`;
    case 'link':
      return `<span class="kind">link target</span> ${del} → ${ins}`;
    case 'formatting':
      return '<span class="kind">paragraph break (formatting)</span>';
  }
}

/** Text made safe for HTML content and quoted attribute values. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 16px 0 4px; }
h1 .against { font-weight: normal; color: var(--vscode-descriptionForeground); }
.summary { font-size: 1.1em; margin: 4px 0 12px; }
.note, .upstream, .more { color: var(--vscode-descriptionForeground); }
.error { color: var(--vscode-errorForeground); }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border, #8884); padding: 4px 8px; }
td { vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--vscode-panel-border, #8882); }
td.number, th.number { text-align: right; white-space: nowrap; }
tr[data-section], li[data-change] { cursor: pointer; }
tr[data-section]:hover { background: var(--vscode-list-hoverBackground); }
[tabindex]:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.status { white-space: nowrap; padding: 1px 6px; border-radius: 8px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.status-identical .status { background: transparent; color: var(--vscode-descriptionForeground); padding: 0; }
ul { margin: 0; padding-left: 1.2em; }
li { margin: 2px 0; }
del { background: var(--vscode-diffEditor-removedTextBackground, #f004); text-decoration: line-through; }
ins { background: var(--vscode-diffEditor-insertedTextBackground, #0c04); text-decoration: none; }
.kind { color: var(--vscode-descriptionForeground); font-style: italic; }
`;

const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  let pending;
  window.addEventListener('scroll', function () {
    clearTimeout(pending);
    pending = setTimeout(function () { vscode.setState({ scrollY: window.scrollY }); }, 100);
  });
  function reveal(target) {
    if (!(target instanceof Element)) return false;
    const row = target.closest('[data-section]');
    if (!row) return false;
    const change = target.closest('[data-change]');
    const message = { type: 'reveal', section: Number(row.getAttribute('data-section')) };
    if (change) message.change = Number(change.getAttribute('data-change'));
    vscode.postMessage(message);
    return true;
  }
  document.addEventListener('click', function (event) { reveal(event.target); });
  document.addEventListener('keydown', function (event) {
    if ((event.key === 'Enter' || event.key === ' ') && reveal(event.target)) event.preventDefault();
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
