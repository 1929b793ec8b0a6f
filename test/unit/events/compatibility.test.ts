/**
 * A change to an event's schema that would break a consumer must be a new version: this file
 * fails when it is not.
 *
 * For each (type, version) in the catalogue, `fixtures/schemas/<type>.v<version>.json` holds the
 * JSON Schema as last recorded, and `fixtures/samples/<type>.v<version>.json` realistic events
 * (no real person: subject references are hashes of labels, sealed values are placeholders in
 * the sealed format). The current schema must be a compatible evolution of the recorded one (see
 * json-schema-compat.ts: no field removed, none made optional or newly required, no enum value
 * dropped, no bound narrowed), and every recorded sample must still parse.
 *
 * A compatible change (a new optional field, a new enum value): make it, then record it with
 *   UPDATE_EVENT_SCHEMAS=1 npx vitest run test/unit/events && npx biome check --write test/unit/events/fixtures
 * and commit the changed fixture with the change.
 *
 * A breaking change: add a second contract beside the first, e.g. in the catalogue module
 *   export const referralReceivedV2 = defineEvent("referral.received", 2, () => z.object({ ... }));
 * add it to CATALOGUE, record its schema with the command above, add a sample file
 * `fixtures/samples/referral.received.v2.json`, and switch the producer to v2. Keep v1 in the
 * catalogue, with its fixtures untouched, until every consumer handles v2 and no v1 event can
 * still be in a queue, an outbox or a dead-letter queue; only then remove v1 and its fixtures.
 * parseEvent refuses a version it does not know, so a consumer that is behind sends v2 events to
 * its dead-letter queue, to be redriven once it is deployed, rather than misreading them.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../../shared/events/catalogue";
import { parseEvent } from "../../../shared/events/parse";
import {
  committedSchemas,
  currentSchema,
  fixtureName,
  readCommittedSchema,
  readSamples,
  sampleFiles,
  writeCommittedSchema,
} from "./fixture-files";
import { compatibilityErrors } from "./json-schema-compat";

const UPDATE = process.env.UPDATE_EVENT_SCHEMAS === "1";
const RECORD = "UPDATE_EVENT_SCHEMAS=1 npx vitest run test/unit/events";

const entries = CATALOGUE.map((contract) => ({ name: `${contract.type} v${contract.version}`, contract }));

describe.each(entries)("$name", ({ contract }) => {
  const { type, version } = contract;

  it("is a compatible evolution of its recorded schema", () => {
    const current = currentSchema(contract);
    const committed = readCommittedSchema(type, version);
    if (committed === undefined) {
      if (UPDATE) return writeCommittedSchema(type, version, current);
      expect.fail(
        `${type} v${version} has no recorded schema (${fixtureName(type, version)}): run ${RECORD}`,
      );
    }

    const breaking = compatibilityErrors(committed, current);
    expect(
      breaking,
      `breaking change to ${type} v${version}: make it v${version + 1} (see the top of this file)\n  ${breaking.join("\n  ")}`,
    ).toEqual([]);

    if (JSON.stringify(committed) !== JSON.stringify(current)) {
      // Recording compatible changes moves the baseline, so that a field added today cannot be
      // removed tomorrow unnoticed.
      if (UPDATE) return writeCommittedSchema(type, version, current);
      expect.fail(`${type} v${version} changed compatibly; record it: run ${RECORD}`);
    }
  });

  it("has recorded samples that still parse as this contract", () => {
    const samples = readSamples(type, version);
    expect(samples, `add fixtures/samples/${fixtureName(type, version)}`).toBeDefined();
    expect(samples?.length).toBeGreaterThan(0);
    for (const [index, sample] of (samples ?? []).entries()) {
      const result = parseEvent(sample);
      expect(result.ok ? [] : result.issues, `sample ${index} of ${type} v${version}`).toEqual([]);
      expect(result.ok && result.contract).toBe(contract);
    }
  });
});

describe("recorded fixtures", () => {
  const inCatalogue = (type: string, version: number) =>
    CATALOGUE.some((c) => c.type === type && c.version === version);

  it("name only contracts still in the catalogue", () => {
    const orphans = [...committedSchemas(), ...sampleFiles()]
      .filter(({ type, version }) => !inCatalogue(type, version))
      .map(({ file }) => file);
    expect(
      orphans,
      "a (type, version) left the catalogue while events of it may still be in flight; delete its fixtures only once no consumer reads it",
    ).toEqual([]);
  });

  it("keep samples in the file of their own type and version", () => {
    for (const { file, type, version } of sampleFiles()) {
      for (const sample of readSamples(type, version) ?? []) {
        expect(sample, file).toMatchObject({ type, version });
      }
    }
  });

  it("cover every variant of a union with a sample", () => {
    for (const contract of CATALOGUE) {
      const schema = currentSchema(contract);
      const variants = schema.oneOf ?? schema.anyOf;
      if (!Array.isArray(variants)) continue;
      const samples = (readSamples(contract.type, contract.version) ?? []).map(
        (sample) => (sample as { data?: Record<string, unknown> }).data ?? {},
      );
      variants.forEach((variant, index) => {
        const discriminators = constsOf(variant);
        const covered = samples.some((data) =>
          Object.entries(discriminators).every(([key, value]) => data[key] === value),
        );
        expect(covered, `${contract.type} v${contract.version}: no sample of variant ${index + 1}`).toBe(
          true,
        );
      });
    }
  });
});

/** The properties a variant fixes to one value: what tells it apart from its siblings. */
const constsOf = (variant: unknown): Record<string, unknown> => {
  const properties = (variant as { properties?: Record<string, { const?: unknown }> }).properties ?? {};
  return Object.fromEntries(
    Object.entries(properties).flatMap(([key, schema]) => ("const" in schema ? [[key, schema.const]] : [])),
  );
};
