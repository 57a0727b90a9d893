import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectBase } from '../../server/src/core/index';
import { guessLanguage } from '../../server/src/core/detect/language';
import { upstreamLibrary } from '../support/upstream';

const library = upstreamLibrary();

// Our own sentences, in the style of a community policy: no upstream wording.
const FRENCH = [
  '# Code de conduite 3.0 _Contributor Covenant_',
  '',
  '## Ce que nous attendons',
  '',
  'Nous voulons que chaque personne puisse participer à notre projet sans crainte.',
  'Les personnes qui animent la communauté répondent à chaque signalement avec soin,',
  'et elles protègent la vie privée de celles et ceux qui nous écrivent.',
  '',
  '## Signaler un problème',
  '',
  'Écrivez-nous à conduite@pebble.dev : nous lisons chaque message dans la semaine.',
  '',
].join('\n');

describe('guessLanguage', () => {
  it('names each bundled text\'s own language, confusing at most Portuguese with Brazilian Portuguese', () => {
    const wrong = library.texts
      .map((t) => ({ want: t.entry.language.toLowerCase(), got: guessLanguage(t.body, library)?.language }))
      .filter(({ want, got }) => got !== want && !(want.startsWith('pt') && got?.startsWith('pt')));
    assert.deepEqual(wrong, []);
  });

  it('reads a French policy of our own as French, and declines a text too short to tell', () => {
    assert.equal(guessLanguage(FRENCH, library)?.language, 'fr');
    assert.equal(guessLanguage('Merci beaucoup.', library), undefined);
  });
});

describe('detectBase: the language of a policy known only by its claim', () => {
  it('gives a title-claimed translation with no upstream text in its language the language it is written in', () => {
    const detection = detectBase(FRENCH, library);
    assert.equal(detection.layer, 'title');
    assert.equal(detection.version, '3.0');
    assert.equal(detection.language, 'fr');
  });
});
