// `import text from './file.yml?raw'`: the file's text, bundled (vitest and scripts/build.mjs).
declare module '*?raw' {
  const text: string;
  export default text;
}
