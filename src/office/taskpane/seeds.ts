/**
 * The bundled plans' texts for the pane. Each seed file is its own lazily loaded chunk
 * (webpack asset/source), so opening the pane does not download all five plans.
 */
import type { BundledCity } from "../../core/cities";

export async function loadSeedText(city: BundledCity): Promise<string> {
  const module = (await import(
    /* webpackInclude: /\.txt$/ */ /* webpackChunkName: "seed-[request]" */ `../../../seeds/${city.file}`
  )) as { default: string };
  return module.default;
}
