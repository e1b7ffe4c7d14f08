// Shared E2E plumbing: the sample server and Chromium with the built extension.
export { startServer } from '../../scripts/serve-samples.mjs';
export { launchWithExtension, tabIdOf, chromePath } from '../../scripts/browser.mjs';
