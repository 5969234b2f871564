/**
 * The one place that configures AJV, so the spec check and the generated validators read the
 * schema the same way.
 */
import { Ajv2020, type Options } from "ajv/dist/2020.js";

export const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

/** Annotations of this project; AJV must know them to stay in strict mode. */
export const ANNOTATION_KEYWORDS = [
  "x-groups",
  "x-group",
  "x-tolerant",
  "x-tolerantOptional",
  "x-formatName",
  "x-enumDescriptions",
  "x-name",
  "x-enumNames",
] as const;

export function createStrictAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    // `discriminator` picks the branch by the message type: one clear error instead of one per
    // branch, and much faster than trying every `oneOf` branch.
    discriminator: true,
    allErrors: false,
    // A key counts only as the payload's own property, as in every generated reader: without it a
    // key named like an Object.prototype member (`toString`) would count as present everywhere.
    ownProperties: true,
    // Unknown keywords are tolerated: a spec may carry annotations of other tools.
    strictSchema: false,
    strictTypes: false,
    ...extra,
  });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  return ajv;
}
