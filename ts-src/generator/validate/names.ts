/**
 * The Apex classes each declaration will generate, known before anything is emitted, so a name the
 * platform would refuse (past 40 characters), one that collides with another declaration's class,
 * with the runtime library (prefix `Swy`) or with a system class is reported at the name that
 * makes it, with the name it would make. Follows the emitters through model/naming.ts; the list per
 * pattern mirrors what emit/apex writes (a backstop in emit/apex/files.ts still refuses any name
 * this list misses).
 */
import { childAt, type Literal } from '../load/literal';
import { changeEventTriggerName } from '../model/changeEvents';
import { apexClassName, apexStem, restResourceClassName, RUNTIME_PREFIX } from '../model/naming';
import { stringAt, type Report } from './fields';
import { MAX_APEX_CLASS_NAME, SYSTEM_CLASS_NAMES } from './rules';

interface GeneratedClass {
  name: string;
  /** The declaration property the name comes from. */
  at: Literal;
  /** `operation "SendOrder"`, `event "Order_Confirmed__e"`. */
  from: string;
}

const withTest = (name: string) => [name, apexClassName.test(name)];

/** Classes one operation generates by itself (event-side classes come from the event). */
function operationClasses(pattern: string | undefined, name: string): string[] {
  switch (pattern) {
    case 'request-reply':
      return [apexClassName.request(name), apexClassName.response(name), apexClassName.service(name)].flatMap(withTest);
    case 'fire-and-forget':
    case 'change-capture':
      return withTest(apexClassName.operation(name));
    case 'batch-sync':
      return [apexClassName.batch(name), apexClassName.operation(name)].flatMap(withTest);
    case 'pull-sync':
      return withTest(apexClassName.pullSync(name));
    case 'remote-call-in':
      return withTest(restResourceClassName(name));
    case 'inbound-event':
      return [...withTest(apexClassName.consumer(name)), apexClassName.consumerTrigger(name)];
    default:
      return [];
  }
}

/** Every generated class, with the property that names it. */
export function generatedClasses(events: Literal[], operations: Literal[], monitors: Literal[]): GeneratedClass[] {
  const classes: GeneratedClass[] = [];
  const delivered = new Set<string>();
  for (const operation of operations) {
    const pattern = stringAt(operation, 'pattern');
    const event = stringAt(operation, 'event');
    if (event && pattern === 'fire-and-forget') delivered.add(event);
    const nameAt = childAt(operation, 'name');
    if (nameAt?.type !== 'string') continue;
    for (const name of operationClasses(pattern, nameAt.value)) {
      classes.push({ name, at: nameAt, from: `operation "${nameAt.value}"` });
    }
  }
  classes.push(...recordEventClasses(operations));
  // An event a fire-and-forget operation delivers gets its trigger and the trigger's test.
  for (const event of events) {
    const nameAt = childAt(event, 'apiName');
    if (nameAt?.type !== 'string' || !delivered.has(nameAt.value)) continue;
    for (const name of withTest(apexClassName.trigger(nameAt.value))) {
      classes.push({ name, at: nameAt, from: `event "${nameAt.value}"` });
    }
  }
  // A captured object gets one change-event trigger and its test, named at its first operation.
  const captured = new Set<string>();
  for (const operation of operations) {
    const objectAt = childAt(operation, 'object');
    if (stringAt(operation, 'pattern') !== 'change-capture' || objectAt?.type !== 'string') continue;
    if (captured.has(objectAt.value)) continue;
    captured.add(objectAt.value);
    for (const name of withTest(changeEventTriggerName(objectAt.value))) {
      classes.push({ name, at: objectAt, from: `change capture of "${objectAt.value}"` });
    }
  }
  for (const monitor of monitors) {
    const nameAt = childAt(monitor, 'name');
    if (nameAt?.type !== 'string') continue;
    for (const name of withTest(apexClassName.monitor(nameAt.value))) {
      classes.push({ name, at: nameAt, from: `monitoring "${nameAt.value}"` });
    }
  }
  return classes;
}

/** An object with record-event operations gets one trigger, one configuration class and its test. */
function recordEventClasses(operations: Literal[]): GeneratedClass[] {
  const seen = new Set<string>();
  const classes: GeneratedClass[] = [];
  for (const operation of operations) {
    const objectAt = childAt(operation, 'object');
    if (stringAt(operation, 'pattern') !== 'record-event' || objectAt?.type !== 'string') continue;
    if (seen.has(objectAt.value)) continue;
    seen.add(objectAt.value);
    const config = apexClassName.recordEvents(objectAt.value);
    for (const name of [apexClassName.recordEventTrigger(objectAt.value), ...withTest(config)]) {
      classes.push({ name, at: objectAt, from: `the record-event operations of "${objectAt.value}"` });
    }
  }
  return classes;
}

/** Length, runtime prefix, system classes and collisions of every generated class name. */
export function checkGeneratedNames(report: Report, classes: GeneratedClass[]): void {
  const reported = new Set<Literal>();
  const once = (at: Literal, rule: string, message: string, fix: string) => {
    if (reported.has(at)) return;
    reported.add(at);
    report(at, rule, message, fix);
  };
  // Only names that are identifiers: a bad name is reported by the identifier/api-name rules.
  const valid = classes.filter((c) => /^[A-Za-z][A-Za-z0-9]*$/.test(c.name));
  for (const generated of valid) {
    const base = generated.at.type === 'string' ? generated.at.value : '';
    if (generated.name.length > MAX_APEX_CLASS_NAME) {
      const longest = valid.filter((c) => c.at === generated.at).sort((a, b) => b.name.length - a.name.length)[0];
      const over = longest.name.length - MAX_APEX_CLASS_NAME;
      const stem =
        generated.from.startsWith('event') || generated.from.includes('record-event') ? apexStem(base) : base;
      once(
        generated.at,
        'apex-name-length',
        `${generated.from} would generate the Apex class "${longest.name}" (${longest.name.length} characters); Apex class names stop at ${MAX_APEX_CLASS_NAME}`,
        `shorten the name by ${over} character(s): "${stem}" may be ${stem.length - over} characters long at most`,
      );
    }
    if (generated.name.toLowerCase().startsWith(RUNTIME_PREFIX.toLowerCase())) {
      once(
        generated.at,
        'runtime-prefix',
        `${generated.from} would generate "${generated.name}", in the ${RUNTIME_PREFIX} prefix that belongs to Switchyard's runtime library`,
        `choose a name that does not start with "${RUNTIME_PREFIX}"`,
      );
    }
    if (SYSTEM_CLASS_NAMES.has(generated.name.toLowerCase())) {
      once(
        generated.at,
        'system-class',
        `${generated.from} would generate "${generated.name}", which would shadow the Apex system class ${generated.name} that the runtime and the generated code use`,
        `choose another name, such as "${base}Call"`,
      );
    }
  }
  const first = new Map<string, GeneratedClass>();
  for (const generated of valid) {
    const key = generated.name.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, generated);
    } else if (earlier.at !== generated.at) {
      const { file, line } = earlier.at.location;
      once(
        generated.at,
        'generated-name-collision',
        `${generated.from} would generate the Apex class "${generated.name}", which ${earlier.from} (${file}:${line}) generates too (Apex names ignore case)`,
        'rename one of the two declarations',
      );
    }
  }
}
