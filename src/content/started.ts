// Imported first by the entry, so it evaluates before every other module of the content script:
// the bench books module evaluation from here, not from the entry's own body.
export const STARTED = performance.now();
