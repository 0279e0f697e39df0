/** The extraction preview: the targets found, each with its source clause, as HTML for review. */
import type { Catalog, Target } from "../../core/catalog";
import type { Locale } from "../../core/i18n";
import { KIND_WORDS, PANE_STRINGS } from "./strings";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const COMPARATOR_SIGNS: Record<string, string> = { ">=": "≥ ", ">": "> ", "~": "≈ ", "<=": "≤ ", "=": "" };

function targetValue(target: Target): string {
  if (target.value === null) return "—";
  const comparator = target.comparator ? COMPARATOR_SIGNS[target.comparator] : "";
  const year = target.targetYear ? ` (${target.targetYear})` : "";
  return `${comparator}${target.value}${target.unit ?? ""}${year}`;
}

/** The preview table and warnings for a catalog, in the pane's language. */
export function previewHtml(catalog: Catalog, locale: Locale): string {
  const strings = PANE_STRINGS[locale];
  const rows = catalog.targets
    .map(
      (target) => `<tr>
  <td class="id"><label><input type="checkbox" class="include" data-id="${escapeHtml(target.id)}" checked aria-label="${escapeHtml(strings.include)} ${escapeHtml(target.id)}" />${escapeHtml(target.id)}</label></td>
  <td>${escapeHtml(target.indicator)}<div class="muted">${escapeHtml(KIND_WORDS[locale][target.kind] ?? target.kind)}</div></td>
  <td class="num">${escapeHtml(targetValue(target))}<div class="edit"><input type="text" inputmode="decimal" class="value" data-id="${escapeHtml(target.id)}" value="${target.value === null ? "" : escapeHtml(String(target.value))}" aria-label="${escapeHtml(strings.colValue)} ${escapeHtml(target.id)}" /><input type="text" class="unit" data-id="${escapeHtml(target.id)}" value="${escapeHtml(target.unit ?? "")}" aria-label="${escapeHtml(strings.colUnit)} ${escapeHtml(target.id)}" /></div></td>
  <td>${escapeHtml(target.lead ?? "—")}${target.leadInferred ? `<span class="muted">${escapeHtml(strings.inferred)}</span>` : ""}</td>
</tr>
<tr class="source"><td colspan="4"><blockquote>${escapeHtml(target.source.text)}</blockquote></td></tr>`,
    )
    .join("\n");
  const warnings = catalog.warnings.length
    ? `<details class="warnings"><summary>${escapeHtml(strings.warnings)} (${catalog.warnings.length})</summary><ul>${catalog.warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join("")}</ul></details>`
    : "";
  const title = catalog.plan.title
    ? `<p class="plan">${escapeHtml(catalog.plan.title)}${catalog.plan.docNumber ? ` · ${escapeHtml(catalog.plan.docNumber)}` : ""}</p>`
    : "";
  return `${title}<p>${escapeHtml(strings.found(catalog.targets.length))}</p>
<table class="preview"><thead><tr><th>${escapeHtml(strings.colId)}</th><th>${escapeHtml(strings.colIndicator)}</th><th>${escapeHtml(strings.colValue)}</th><th>${escapeHtml(strings.colLead)}</th></tr></thead>
<tbody>${rows}</tbody></table>${warnings}`;
}
