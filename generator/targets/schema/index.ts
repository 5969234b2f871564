/**
 * The schema target: the spec itself, shipped beside the code made from it so that editors, other
 * validators and the conformance runner read exactly the contract the code was generated from.
 * It is re-serialised, so its bytes depend only on its content, not on the spec's formatting.
 */
import type { OutputFile, PushExtrasModel } from "../../model.js";

export const SCHEMA_PATH = "schema/push-extras.schema.json";

export function emitSchema(model: PushExtrasModel): readonly OutputFile[] {
  return [{ path: SCHEMA_PATH, contents: JSON.stringify(model.schema, null, 2) }];
}
