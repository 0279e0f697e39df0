/**
 * Labelled plans (a plan's text beside an analyst's labels, docs/accuracy.md): reading them and
 * scoring the extractor on them, for the accuracy tests (which assert the floors) and the bench
 * (which prints the tables).
 */
import * as fs from "fs";
import { decodePlanBytes } from "../src/core/decode";
import { canonicalDepartment, type GovernmentLevel } from "../src/core/departments";
import { extractCatalog } from "../src/core/extract";
import { scorePlan, type LabelFile, type PlanScore } from "./score";

export interface LabelledPlan {
  labels: LabelFile & { level?: GovernmentLevel };
  text: string;
}

/** Reads a plan (UTF-8 or GB18030) and its label file. */
export function readLabelledPlan(textPath: string, labelPath: string): LabelledPlan {
  const labels = JSON.parse(fs.readFileSync(labelPath, "utf8")) as LabelledPlan["labels"];
  return { labels, text: decodePlanBytes(fs.readFileSync(textPath)).text };
}

/** The extractor's score on a labelled plan, departments compared at the plan's level. */
export function scoreOf({ labels, text }: LabelledPlan): PlanScore {
  const level = labels.level ?? "city";
  return scorePlan(text, labels, extractCatalog(text, { cityName: labels.city }), (name) =>
    canonicalDepartment(name, level),
  );
}
