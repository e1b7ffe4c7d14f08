/// <reference types="@crxjs/vite-plugin/client" />
// Vite's inline worker import.
declare module '*?worker&inline' {
  const WorkerCtor: new (opts?: { name?: string }) => Worker;
  export default WorkerCtor;
}
