/**
 * What a command prints. Text goes to stdout (results) and stderr (errors, progress); with `--json`
 * the only output is one JSON object on stdout, in the Salesforce CLI's shape:
 *
 *   { "status": <exit code>, "result": <the command's result>, "warnings": ["..."] }
 *
 * Progress lines (declarations read, files emitted...) appear only on a terminal, never when the
 * output is piped or with --json.
 */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress is shown). */
  tty: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  tty: Boolean(process.stderr.isTTY),
};

export class Reporter {
  readonly warnings: string[] = [];
  constructor(
    private readonly io: Io,
    readonly json: boolean,
  ) {}

  /** A line of the command's text output. */
  info(line: string): void {
    if (!this.json) this.io.stdout(`${line}\n`);
  }
  error(line: string): void {
    if (!this.json) this.io.stderr(`${line}\n`);
  }
  warn(message: string): void {
    this.warnings.push(message);
    if (!this.json) this.io.stderr(`warning: ${message}\n`);
  }
  /** A progress line, on a terminal only. */
  progress(line: string): void {
    if (!this.json && this.io.tty) this.io.stderr(`${line}\n`);
  }
  /** The JSON envelope (with --json), printed once at the end. */
  finish(status: number, result: unknown): void {
    if (this.json)
      this.io.stdout(`${JSON.stringify({ status, result: result ?? {}, warnings: this.warnings }, null, 2)}\n`);
  }
}

export interface CommandOutcome {
  exitCode: number;
  result: unknown;
  /** The command printed its JSON itself (preview prints its URL while it runs). */
  printed?: boolean;
}
