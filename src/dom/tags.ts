// Element names of our own UI and of fallback highlights; the DOM walkers skip them.
export const UI_TAG = 'bulletin-lens-ui';
export const MARK_TAG = 'bl-mark';
