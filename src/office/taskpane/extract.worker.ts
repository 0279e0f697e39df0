/**
 * Extraction off the pane's thread (webpack worker entry): a long or pathological plan text can
 * take seconds to read, and Excel's task pane must not freeze meanwhile. Receives
 * `{ id, text, cityName }`, answers `{ id, catalog }` or `{ id, error }`.
 */
import { extractCatalog } from "../../core/extract";
import type { ExtractRequest, ExtractResponse } from "./extractClient";

// A dedicated worker's global scope; the DOM typings describe a window's.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ExtractRequest>) => void) | null;
  postMessage(message: ExtractResponse): void;
};

scope.onmessage = (event) => {
  const { id, text, cityName } = event.data;
  try {
    scope.postMessage({ id, catalog: extractCatalog(text, { cityName }) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
