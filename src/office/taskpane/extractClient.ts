/**
 * Runs the extractor in a Web Worker (./extract.worker.ts) so the pane stays responsive; where
 * workers are unavailable the extractor is loaded into the page and run there.
 */
import type { Catalog } from "../../core/catalog";

export interface ExtractRequest {
  id: number;
  text: string;
  cityName?: string;
}

export type ExtractResponse = { id: number; catalog: Catalog } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (catalog: Catalog) => void; reject: (error: Error) => void }>();

function startWorker(): Worker {
  const started = new Worker(new URL("./extract.worker.ts", import.meta.url));
  started.onmessage = (event: MessageEvent<ExtractResponse>) => {
    const waiting = pending.get(event.data.id);
    if (!waiting) return;
    pending.delete(event.data.id);
    if ("catalog" in event.data) waiting.resolve(event.data.catalog);
    else waiting.reject(new Error(event.data.error));
  };
  started.onerror = (event) => {
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || "extraction worker failed"));
    pending.clear();
    worker = null;
  };
  return started;
}

/**
 * Extracts a plan's targets off the page's thread.
 * @param text the plan's text
 * @param cityName the city's short name for ids, or undefined to read it from the text
 * @returns the catalog
 */
export async function extractInWorker(text: string, cityName: string | undefined): Promise<Catalog> {
  if (typeof Worker === "undefined") {
    const { extractCatalog } = await import("../../core/extract");
    return extractCatalog(text, { cityName });
  }
  worker ??= startWorker();
  const id = ++nextId;
  return new Promise<Catalog>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ id, text, cityName } satisfies ExtractRequest);
  });
}
