// Vite's ?raw suffix imports a file's text without node:fs (which packages/domain may not import).
declare module "*?raw" {
  const content: string;
  export default content;
}
