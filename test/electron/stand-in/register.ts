// `--import` this (after tsx) to run src-main/electron/main.ts under Node with the stand-in.
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
