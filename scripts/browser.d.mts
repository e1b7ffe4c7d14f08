import type { BrowserContext, Page, Worker } from 'playwright-core';
export function chromePath(): string;
export const CHROME_ARGS: string[];
export function launchWithExtension(opts?: {
  dist?: string;
  userDataDir?: string;
  headless?: boolean;
}): Promise<{ context: BrowserContext; worker: Worker; extensionId: string; userDataDir: string }>;
export function tabIdOf(worker: Worker, page: Page): Promise<number>;
