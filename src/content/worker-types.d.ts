/// <reference types="@crxjs/vite-plugin/client" />
// Vite's worker URL import: the separately built worker script's path in the extension.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
