/**
 * `npm run catalog`: writes ts-src/generator/catalog/sobjects.json, the platform's standard objects
 * and their fields, from apex-dev-tools' sobject-types jar (scripts/catalog/jar.ts). The file is
 * committed so a build needs neither the jar nor a JVM; scripts/catalog/catalog.test.ts re-derives
 * it from the jar and fails when the two differ (a new PMD engine pin brings a new jar: rerun this).
 */
import fs from 'node:fs';
import { CATALOG_FILE, catalogText } from './catalog/derive';

if (require.main === module) {
  const text = catalogText();
  const before = fs.existsSync(CATALOG_FILE) ? fs.readFileSync(CATALOG_FILE, 'utf8') : '';
  if (before !== text) fs.writeFileSync(CATALOG_FILE, text);
  const objects = Object.keys((JSON.parse(text) as { objects: object }).objects).length;
  console.log(
    `catalog: ${objects} standard objects, ${Math.round(text.length / 1024)} KiB, ${before === text ? 'unchanged' : 'written'} (${CATALOG_FILE})`,
  );
}
