/**
 * What an emitter returns: files as text, not yet formatted. Emitters are pure functions of the
 * model; the formatter and then the writer (the only code that touches the disk) take it from here.
 */
export type FormatParser = 'xml' | 'apex' | 'apex-anonymous' | 'babel' | 'typescript' | 'json' | 'css' | 'html' | 'lwc';

export interface GeneratedFile {
  /** Path relative to the project root, forward slashes, such as `force-app/main/default/...`. */
  path: string;
  content: string;
  /** Prettier parser to format the content with; omitted: written as is. */
  parser?: FormatParser;
  /**
   * The content is already exactly what prettier writes for it with the project's config, so the
   * formatter passes it through. Opt-in per file, any parser (today `preformattedXml` in
   * metadata/xml.ts sets it); preformatted.test.ts runs prettier over every marked file of the
   * example and a synthetic project, whatever its parser, and asserts byte-equality, so mark only
   * text whose exact prettier form the emitter knows; unmarked files are formatted as before.
   */
  preformatted?: boolean;
}
