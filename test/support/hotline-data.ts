/** The hotline tests' data: a schedule, its people, the caller, staff claims, call ids. */
import { randomUUID } from "node:crypto";
import { derivedCredentials } from "../../services/hotline/webhook-auth";
import type { Claims } from "./http";

export const MUNICIPALITY = "0880";
/** The webhook secret; each municipality's credential is derived from it (webhookAuth). */
export const WEBHOOK = { username: "elks-test", password: "test-webhook-password-0123" } as const;
/** Kalmar's hotline number: the `to` of every call the provider posts for 0880. */
export const HOTLINE_NUMBER = "+46766860000";
export const BASE_URL = "https://hotline.example.test";
/** The caller: the most sensitive value in the system. */
export const CALLER = "+46706861004";

export const ANNA = { id: "anna", name: "Anna Lind", phone: "+46701000001" } as const;
export const BO = { id: "bo", name: "Bo Ek", phone: "+46701000002" } as const;
export const CILLA = { id: "cilla", name: "Cilla Berg", phone: "+46701000003" } as const;
export const MAJA = { id: "maja", name: "Maja Holm", phone: "+46701000009" } as const;

/** Daily shifts from 27 March 2026 at 08:00 Swedish time: Anna, Bo, Cilla, Anna, … */
export const scheduleBody = (overrides: Record<string, unknown> = {}) => ({
  hotlineNumber: HOTLINE_NUMBER,
  timeZone: "Europe/Stockholm",
  handoffTime: "08:00",
  rotation: { startDate: "2026-03-27", shiftDays: 1, members: [ANNA, BO, CILLA] },
  overrides: [],
  manager: MAJA,
  ringSeconds: 25,
  fallbackMessage: "https://sounds.example.se/avhopp-0880.mp3",
  ...overrides,
});

/** Every staff phone and the caller's number: none may reach a log, an event or a key. */
export const personalStrings = (): string[] => [
  CALLER,
  CALLER.slice(1),
  ANNA.phone,
  BO.phone,
  CILLA.phone,
  MAJA.phone,
  ANNA.name,
  BO.name,
];

export const admin = (municipality = MUNICIPALITY, sub = `admin-${municipality}`): Claims => ({
  sub,
  scope: "hotline:admin",
  municipality,
});
export const onCallStaff = (municipality = MUNICIPALITY, sub = `jour-${municipality}`): Claims => ({
  sub,
  scope: "hotline:handle",
  municipality,
});

let counter = 0;
export const newCallId = (): string => {
  counter += 1;
  return `c${randomUUID().replace(/-/g, "").slice(0, 20)}${counter}`;
};

export const basicAuth = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

/** The Authorization header the provider sends for a municipality, under a secret's password. */
export const webhookAuth = (municipality = MUNICIPALITY, password: string = WEBHOOK.password): string => {
  const derived = derivedCredentials(WEBHOOK.username, password, municipality);
  return basicAuth(derived.username, derived.password);
};

/** A field of a parsed JSON answer, for tests that read one value. */
export const field = (body: unknown, ...path: string[]): unknown => {
  let value: unknown = body;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
};
