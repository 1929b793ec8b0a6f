/**
 * `node:stream/web` as the bundles see it: bundling aliases the module to this one
 * (infra/constructs/bundling.ts BUNDLE_ALIASES); the local runtime and the tests, which run
 * unbundled, keep Node's.
 *
 * Why: @middy/core imports `ReadableStream` from `node:stream/web` at its top, for streamed
 * responses (`streamifyResponse`), which no function of ours uses, and there only to ask
 * `instanceof`. Importing the module makes Node load its whole web streams implementation as the
 * bundle loads. The SDK's first request touches the global `ReadableStream` and `WritableStream`
 * anyway, which loads those two (1.1-1.8 ms of CPU in a fresh process); the module's import loads
 * them with the rest (adapters, compression, encoding, transform streams): 2.0-3.0 ms. So this
 * saves about 1 ms of every cold start and moves the rest from the load to the first request
 * (docs/benchmarks.md, the eighth pass). The global `ReadableStream` is the same class; this class
 * answers `instanceof` and `new` through it.
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
