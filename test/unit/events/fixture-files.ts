import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as z from "zod/mini";
import type { EventContract } from "../../../shared/events/envelope";
import type { JsonSchema } from "./json-schema-compat";

const SCHEMAS = new URL("./fixtures/schemas/", import.meta.url);
const SAMPLES = new URL("./fixtures/samples/", import.meta.url);

export const fixtureName = (type: string, version: number): string => `${type}.v${version}.json`;

const parseName = (file: string): { type: string; version: number } | undefined => {
  const match = /^(.+)\.v(\d+)\.json$/.exec(file);
  return match?.[1] && match[2] ? { type: match[1], version: Number(match[2]) } : undefined;
};

const listed = (dir: URL): { file: string; type: string; version: number }[] =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .flatMap((file) => {
      const name = parseName(file);
      return name ? [{ file, ...name }] : [];
    });

/**
 * What a consumer's parse accepts: io "input", so a plain `z.object` reads as open to unknown
 * properties (zod strips them) and a `z.strictObject` as closed. Events are JSON, so anything
 * without a JSON Schema (a Date, a bigint) is an error here, not an `{}`.
 */
export const currentSchema = (contract: EventContract): JsonSchema =>
  z.toJSONSchema(contract.data, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "throw",
  }) as JsonSchema;

export const committedSchemas = () => listed(SCHEMAS);

export const readCommittedSchema = (type: string, version: number): JsonSchema | undefined => {
  const url = new URL(fixtureName(type, version), SCHEMAS);
  return existsSync(url) ? (JSON.parse(readFileSync(url, "utf8")) as JsonSchema) : undefined;
};

export const writeCommittedSchema = (type: string, version: number, schema: JsonSchema): void => {
  writeFileSync(new URL(fixtureName(type, version), SCHEMAS), `${JSON.stringify(schema, null, 2)}\n`);
};

export const sampleFiles = () => listed(SAMPLES);

export const readSamples = (type: string, version: number): unknown[] | undefined => {
  const url = new URL(fixtureName(type, version), SAMPLES);
  if (!existsSync(url)) return undefined;
  const value: unknown = JSON.parse(readFileSync(url, "utf8"));
  return Array.isArray(value) ? value : [value];
};
