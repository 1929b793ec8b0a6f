import { COUNTY_NAMES, MUNICIPALITY_DATA } from "./data";
import type { Municipality } from "./types";

export type { Municipality } from "./types";

/** All 290 municipalities, sorted by code. Frozen so no caller can change the register for others. */
export const MUNICIPALITIES: readonly Municipality[] = Object.freeze(
  MUNICIPALITY_DATA.map(([code, name]) => {
    const countyCode = code.slice(0, 2);
    return Object.freeze({ code, name, countyCode, countyName: COUNTY_NAMES[countyCode] ?? "" });
  }),
);

const byCode: ReadonlyMap<string, Municipality> = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function findMunicipality(code: string): Municipality | undefined {
  return byCode.get(code);
}

/** True only for a code in the register: four digits alone (e.g. 0000, 9999) are not enough. */
export function isKommunkod(code: string): boolean {
  return byCode.has(code);
}

/** Borås, Håbo, Kalmar, Sundsvall, Strängnäs and Uppsala: the municipalities in the pilot. */
export const PILOT_MUNICIPALITIES = ["1490", "0305", "0880", "2281", "0486", "0380"] as const;
export type PilotMunicipalityCode = (typeof PILOT_MUNICIPALITIES)[number];
