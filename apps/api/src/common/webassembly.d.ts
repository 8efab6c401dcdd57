/**
 * The part of the WebAssembly JavaScript API that `sha256-lanes` uses. Node has had it all along, but
 * `@types/node` 20 leaves it to the DOM library, which a server does not load. Should the project's
 * `@types/node` come to declare it, this file goes (the two would clash).
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: BufferSource);
  }

  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }

  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }

  function validate(bytes: BufferSource): boolean;

  type BufferSource = ArrayBufferView | ArrayBuffer;
}
