// Vite client types: lets TypeScript accept the CSS imports Vite bundles.
/// <reference types="vite/client" />
