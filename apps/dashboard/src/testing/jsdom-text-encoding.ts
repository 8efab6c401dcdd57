import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks TextEncoder/TextDecoder, which react-router needs; Node's are the same API.
Object.assign(globalThis, { TextEncoder, TextDecoder });
