import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusText } from '../../client/src/statusText';

const none = { error: 0, warning: 0, information: 0, hint: 0 };

describe('status item words', () => {
  it('names the detected base, its similarity and the findings by severity', () => {
    assert.deepEqual(statusText({ policy: true, base: { family: 'contributor-covenant', version: '2.1', language: 'en', similarity: 0.823 }, counts: { ...none, error: 1, warning: 3, information: 1 } }), {
      text: 'Contributor Covenant 2.1',
      detail: '82% similar · 1 error, 3 warnings, 1 note',
      severity: 'error',
    });
  });

  it('shows a translation\'s language and a clean policy as such', () => {
    assert.deepEqual(statusText({ policy: true, base: { family: 'contributor-covenant', version: '2.0', language: 'de', similarity: 1 }, counts: none }), {
      text: 'Contributor Covenant 2.0 (de)',
      detail: '100% similar · no findings',
      severity: 'information',
    });
  });

  it('says when a policy is its own text, and offers to check a file that is not a policy', () => {
    assert.equal(statusText({ policy: true, base: { family: 'unknown', similarity: 0 }, counts: { ...none, warning: 2 } }).detail, 'not based on the Contributor Covenant · 2 warnings');
    assert.equal(statusText({ policy: false, counts: none }).text, 'Not checked as a conduct policy');
  });

  it('names another family by its name, and a pointer as adopting its code by reference', () => {
    const citizen = statusText({ policy: true, base: { family: 'citizen', familyName: 'Citizen Code of Conduct', kind: 'text', version: '2.3', language: 'en', similarity: 0.9 }, counts: none });
    assert.deepEqual([citizen.text, citizen.detail], ['Citizen Code of Conduct 2.3', '90% similar · no findings']);
    const pointer = statusText({ policy: true, base: { family: 'contributor-covenant', kind: 'pointer', version: '2.1', similarity: 0 }, counts: none });
    assert.deepEqual([pointer.text, pointer.detail], ['Contributor Covenant 2.1 (by reference)', 'adopts a code held elsewhere · no findings']);
  });
});
