/**
 * The add-in's URLs live in one place: manifest.xml carries the development origin
 * (https://localhost:3000/), and the production build rewrites it here. Used by
 * webpack.config.js (dist/manifest.xml) and test/manifest/ (the same transform, validated).
 */
const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Rewrites every development URL in the manifest to the production origin.
 * @param {string} manifestXml the source manifest.xml
 * @param {string} baseUrl e.g. "https://addin.example.gov.cn/liangxin/" (https, trailing slash added if missing)
 * @returns {string} the manifest to deploy
 */
function transformManifest(manifestXml, baseUrl) {
  const url = new URL(baseUrl); // throws on a malformed URL rather than writing a broken manifest
  if (url.protocol !== "https:")
    throw new Error(`transformManifest: Office add-ins must be served over https, got ${baseUrl}`);
  const normalized = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return (
    manifestXml
      .split(DEV_BASE_URL)
      .join(normalized)
      // <AppDomain> holds an origin without a path or trailing slash.
      .split(DEV_BASE_URL.slice(0, -1))
      .join(url.origin)
  );
}

module.exports = { DEV_BASE_URL, transformManifest };
