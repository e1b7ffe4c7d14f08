export function firefoxPath(): string;
export function launchFirefoxWithExtension(dist: string): Promise<{
  extension: string;
  send(method: string, params?: Record<string, unknown>): Promise<any>;
  goto(url: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  mouse(from: { x: number; y: number }, to?: { x: number; y: number }): Promise<unknown>;
  close(): Promise<void>;
}>;
