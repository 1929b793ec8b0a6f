/**
 * The class the bundles get for `node:stream/web` (shared/runtime/lazy-web-streams.ts): @middy/core
 * asks it `instanceof` of a handler's streamed body, so it must answer as Node's own class does.
 */
import { ReadableStream as NodeReadableStream } from "node:stream/web";
import { describe, expect, it } from "vitest";
import { ReadableStream } from "../../../shared/runtime/lazy-web-streams";

describe("the lazy ReadableStream", () => {
  it("recognises Node's web streams, and nothing else, as instances", () => {
    expect(new Response("x").body instanceof ReadableStream).toBe(true);
    expect(new NodeReadableStream() instanceof ReadableStream).toBe(true);
    for (const other of [{}, "text", null, undefined, new Uint8Array(1), { getReader: () => undefined }]) {
      expect(other instanceof ReadableStream).toBe(false);
    }
  });

  it("makes a real stream with `new`", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue("a");
        controller.enqueue("b");
        controller.close();
      },
    }) as unknown as NodeReadableStream<string>;
    expect(stream).toBeInstanceOf(NodeReadableStream);
    const chunks: string[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toEqual(["a", "b"]);
  });
});
