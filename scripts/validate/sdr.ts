/**
 * Check 6: @salesforce/source-deploy-retrieve, the library behind `sf project deploy`, resolves
 * every package directory into components and converts them to metadata format with a
 * package.xml, as a deploy would. SDR skips what it does not recognise without a word (a class
 * without its -meta.xml, an unknown suffix, some malformed files), so every file on disk that
 * .forceignore does not exclude must belong to a component.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ComponentSet, ForceIgnore, MetadataConverter, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { errorText, plural, verdict, type Check, type Finding } from './runner';

export const sdrCheck: Check = async (ctx) => {
  let components: ComponentSet;
  try {
    components = ComponentSet.fromSource({ fsPaths: ctx.packageDirs.map((d) => path.join(ctx.projectRoot, d)) });
  } catch (e) {
    return { status: 'FAIL', summary: 'source not resolved', findings: [{ message: errorText(e) }] };
  }
  // Otherwise SDR takes the API version from whatever project the current directory is in.
  if (ctx.sourceApiVersion) components.sourceApiVersion = ctx.sourceApiVersion;
  const sources = components.getSourceComponents().toArray();
  const claimed = new Set(sources.flatMap(filesOf));
  const forceIgnore = ForceIgnore.findAndCreate(path.join(ctx.projectRoot, 'sfdx-project.json'));
  const findings: Finding[] = ctx.files
    .filter((f) => !claimed.has(f) && !forceIgnore.denies(f))
    .map((file) => ({ file, message: 'not part of any metadata component: a deploy would leave it out' }));

  const outputDirectory = metadataOutputDir(ctx.projectRoot);
  fs.rmSync(outputDirectory, { recursive: true, force: true });
  try {
    const { converted } = await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory,
      genUniqueDir: false,
    });
    const key = (c: SourceComponent) => `${c.type.name}:${c.fullName}`;
    const written = new Set((converted ?? []).filter((c) => filesOf(c).every((f) => fs.existsSync(f))).map(key));
    // Metadata format merges a child (a field, a list view...) into its parent's file.
    const target = (c: SourceComponent) => key(c.parent ?? c);
    findings.push(
      ...sources
        .filter((c) => !written.has(target(c)))
        .map((c) => ({ file: c.xml ?? c.content, message: `the conversion did not write ${key(c)}` })),
    );
  } catch (e) {
    findings.push({ message: `conversion to metadata format failed: ${errorText(e)}` });
  }
  const packageXml = path.join(outputDirectory, 'package.xml');
  if (!fs.existsSync(packageXml)) findings.push({ file: packageXml, message: 'the conversion wrote no package.xml' });
  return verdict(
    findings,
    `${plural(components.size, 'component')} converted to metadata format`,
    (n) => plural(n, 'problem'),
    [`metadata format and package.xml: ${outputDirectory}`],
  );
};

/**
 * Outside the project: SDR's writer skips every path its .forceignore denies, and the default
 * rules deny dot-folders such as the gitignored .switchyard/, so there it would write nothing
 * but package.xml. One folder per project, emptied on each run.
 */
export function metadataOutputDir(projectRoot: string): string {
  const id = createHash('sha256').update(projectRoot).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `switchyard-mdapi-${id}`);
}

function filesOf(component: SourceComponent): string[] {
  return [
    ...(component.xml ? [component.xml] : []),
    ...component.walkContent(),
    ...component.getChildren().flatMap(filesOf),
  ];
}
