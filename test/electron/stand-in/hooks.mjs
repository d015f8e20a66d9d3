// Module resolution hook used only by the shell's wiring test and bench: `electron` resolves to
// the typed stand-in (./electron.ts), since Electron's binary cannot run here (docs/requirements.md §15).
const STAND_IN = new URL('./electron.ts', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true };
  return next(specifier, context);
}
