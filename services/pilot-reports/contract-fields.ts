/** The fields the routes share: a month, a municipality's kommunkod (the submissions' path). */
import * as z from "zod/mini";
import { isKommunkod } from "../../shared/municipalities";

export const monthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month, YYYY-MM"));

export const kommunkodSchema = z
  .string()
  .check(z.refine(isKommunkod, "must be the kommunkod of a Swedish municipality"));
