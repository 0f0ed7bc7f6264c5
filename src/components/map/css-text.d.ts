/** `import text from 'file.css?inline'`: the file's text (rollup.config.js, scripts/wtr-css-text.js, Vite). */
declare module '*.css?inline' {
  const text: string;
  export default text;
}
