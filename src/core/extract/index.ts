/**
 * The plan extractor: turns the decoded text of one 两新 plan into a catalog of targets.
 *
 * Modules, in pipeline order (see docs/extractor.md):
 * - text.ts — normalisation with offsets kept; planInfo.ts — the plan's particulars;
 *   sections.ts — heading blocks
 * - numbers.ts, years.ts, lexicon.ts — numbers and units, years, the words around a number (data)
 * - targets.ts (sentences) → clause.ts (one clause's numbers) → milestones.ts; clauseYears.ts
 *   decides the year of each; indicatorTable.ts reads indicator tables
 * - departments/ — statements.ts (brackets, 责任单位 lines), table.ts (task tables),
 *   attribution.ts (which statement covers a position), restatements.ts, linking.ts (goals)
 * - extractCatalog.ts — the pipeline that joins them
 */
export { extractCatalog, type ExtractOptions } from "./extractCatalog";
