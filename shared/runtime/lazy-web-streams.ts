/**
 * `node:stream/web` as the bundles see it: bundling aliases the module to this one
 * (infra/constructs/bundling.ts BUNDLE_ALIASES); the local runtime and the tests, which run
 * unbundled, keep Node's.
 *
 * Why: @middy/core imports `ReadableStream` from `node:stream/web` at its top, for streamed
 * responses (`streamifyResponse`), which no function of ours uses, and there only to ask
 * `instanceof`. Importing the module makes Node load its web streams implementation and its
 * dependencies as the bundle loads: 2-3 ms of CPU on every cold start here, 3-5% of the floor's
 * whole load (`npm run bench -- cold`). The global `ReadableStream` is the same class, and Node
 * loads it only when it is first touched; this class answers `instanceof` and `new` through it.
 * Nothing else may import the module (test/unit/runtime/bundle-sdk.test.ts): a static method such
 * as `ReadableStream.from` is not here.
 */
type WebReadableStream = globalThis.ReadableStream;

export class ReadableStream {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.ReadableStream;
  }

  constructor(...args: ConstructorParameters<typeof globalThis.ReadableStream>) {
    // A constructor that returns an object makes `new` give that object: a real stream.
    // biome-ignore lint/correctness/noConstructorReturn: the point of this class, see above.
    return new globalThis.ReadableStream(...args) as WebReadableStream & ReadableStream;
  }
}
