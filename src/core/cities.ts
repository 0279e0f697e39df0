/**
 * The plans bundled with the product (seeds/). Data only: the text itself is read by an
 * adapter (the CLI from seeds/, the task pane from its bundle).
 */
export interface BundledCity {
  /** Short Chinese name used on the command line and in target ids (e.g. 南平). */
  name: string;
  /** ASCII slug for file names (e.g. nanping). */
  slug: string;
  province: string;
  /** File name in seeds/. */
  file: string;
}

export const BUNDLED_CITIES: readonly BundledCity[] = [
  { name: "南阳", slug: "nanyang", province: "河南", file: "000_84fee3076c6d4783.txt" },
  { name: "南平", slug: "nanping", province: "福建", file: "001_bc9db3d026010e14.txt" },
  { name: "邯郸", slug: "handan", province: "河北", file: "002_2e34df7fe6ba7779.txt" },
  { name: "开封", slug: "kaifeng", province: "河南", file: "003_03b37912e15137af.txt" },
  { name: "新郑", slug: "xinzheng", province: "河南", file: "004_3d18c461efc57f01.txt" },
];

/** Finds a bundled city by Chinese name (with or without 市), slug or file name. */
export function findBundledCity(query: string): BundledCity | undefined {
  const wanted = query.trim().replace(/市$/, "").toLowerCase();
  return BUNDLED_CITIES.find(
    (city) => city.name === wanted || city.slug === wanted || city.file.toLowerCase() === wanted,
  );
}
