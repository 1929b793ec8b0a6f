import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../../shared/events/catalogue";
import { SUBSCRIPTIONS, subscribersOf } from "../../../shared/events/subscriptions";
import { currentSchema } from "./fixture-files";

/** `noun[-noun].verb[.more]`, lower case: `release-notice.received`, `hotline.call.routed`. */
const TYPE_NAME = /^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$/;

describe("the event catalogue", () => {
  it("has one contract per (type, version)", () => {
    const keys = CATALOGUE.map((c) => `${c.type} v${c.version}`);
    const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(repeated).toEqual([]);
  });

  it.each(CATALOGUE.map((c) => [`${c.type} v${c.version}`, c] as const))(
    "%s is well named and versioned",
    (_, c) => {
      expect(c.type).toMatch(TYPE_NAME);
      expect(Number.isInteger(c.version) && c.version >= 1).toBe(true);
    },
  );

  it.each(CATALOGUE.map((c) => [`${c.type} v${c.version}`, c] as const))(
    "%s has data that is a JSON object, describable as JSON Schema",
    (_, c) => {
      const schema = currentSchema(c);
      const variants = schema.oneOf ?? schema.anyOf;
      const roots = Array.isArray(variants) ? variants : [schema];
      for (const root of roots) expect(root).toMatchObject({ type: "object" });
    },
  );

  it("routes only catalogue types, and intake gets what it turns into referrals", () => {
    const known = new Set(CATALOGUE.map((c) => c.type));
    for (const types of Object.values(SUBSCRIPTIONS)) {
      if (types === "all") continue;
      for (const type of types ?? []) expect(known).toContain(type);
    }
    expect(subscribersOf("release-notice.received")).toEqual(["intake", "pilot-reports"]);
    expect(subscribersOf("hotline.triage.completed")).toEqual(["intake", "pilot-reports"]);
    expect(subscribersOf("hotline.call.received")).toEqual(["pilot-reports"]);
  });
});
