/**
 * The Swift target: one drop-in file, `swift/PushExtras.swift`, for iOS apps (Foundation only):
 * key constants, String-backed enums, one struct per message, the message enum and its tolerant
 * parser from APNs `userInfo`.
 */
import type { OutputFile, PushExtrasModel, TargetOptions } from "../../model.js";
import { createTemplateEnvironment, renderTemplate } from "../../templates.js";
import { swiftContext } from "./context.js";
import { assignSwiftNames } from "./names.js";

export const SWIFT_FILE = "swift/PushExtras.swift";

const environment = createTemplateEnvironment();

export function emitSwift(model: PushExtrasModel, options: TargetOptions): readonly OutputFile[] {
  const names = assignSwiftNames(model, options);
  return [{ path: SWIFT_FILE, contents: renderTemplate(environment, "swift/PushExtras.swift.hbs", swiftContext(model, names)) }];
}
