// Entry point VS Code's extension host calls (--extensionTestsPath): runs the mocha suite and
// prints the summary line scripts/runTests.mjs reads. The suite is bundled into one file, so
// test modules export a function that declares their tests once mocha's globals exist.
import Mocha from 'mocha';
import { registerAttributionTests } from './attribution.test';
import { registerCompareTests } from './compare.test';
import { registerCompletionTests } from './completion.test';
import { registerConductTests } from './conduct.test';
import { registerConfigurationTests } from './configuration.test';
import { registerNavigationTests } from './navigation.test';
import { registerQuickFixTests } from './quickFixes.test';
import { registerReliabilityTests } from './reliability.test';
import { registerSceneTests } from './scenes.test';
import { registerSeedTests } from './seeds.test';
import { registerUpgradeTests } from './upgrade.test';
import { registerWorkspaceTests } from './workspace.test';

export function run(): Promise<void> {
  // CONDUCT_E2E_GREP runs only the tests whose names match, e.g. to set a scene for a screenshot.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, ...(process.env.CONDUCT_E2E_GREP && { grep: process.env.CONDUCT_E2E_GREP }) });
  mocha.suite.emit('pre-require', globalThis, 'conduct.test', mocha);
  registerConductTests();
  registerSeedTests();
  registerCompareTests();
  registerUpgradeTests();
  registerWorkspaceTests();
  registerQuickFixTests();
  registerCompletionTests();
  registerAttributionTests();
  registerReliabilityTests();
  registerSceneTests();
  registerConfigurationTests();
  registerNavigationTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`e2e: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`);
      if (failures) reject(new Error(`${failures} real-editor test(s) failed.`));
      else resolve();
    });
  });
}
