/**
 * Reads the platform's standard objects out of apex-dev-tools' `sobject-types` jar (the types
 * apex-ls checks Apex against; one class per SObject under com/nawforce/runforce/SObjects, its
 * fields as public instance fields). Plain Node: the jar is a zip (central directory + raw deflate)
 * and each class file's constant pool and field table are read directly, so no JVM is needed.
 * https://docs.oracle.com/javase/specs/jvms/se17/html/jvms-4.html (class file format)
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The jar this catalog is made from: the one the pinned PMD engine (and so apex-ls) ships. */
export const SOBJECT_JAR = path.resolve(
  __dirname,
  '../../node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib/sobject-types-65.0.0.jar',
);

const SOBJECT_PACKAGE = 'com/nawforce/runforce/SObjects/';

/** One public instance field: its name and its Java type (`System.String`, `SObjects.User`, `SObjects.Case[]`). */
export interface JarField {
  name: string;
  type: string;
}

/** Every file of a zip whose name passes `wanted`, inflated. */
export function readZip(file: string, wanted: (name: string) => boolean): Map<string, Buffer> {
  const zip = fs.readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file}: no zip end-of-central-directory record`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    files.set(name, method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data));
  }
  return files;
}

/** `Lcom/nawforce/runforce/System/String;` -> `System.String`; `[L...SObjects/Case;` -> `SObjects.Case[]`. */
function javaType(descriptor: string): string {
  const array = descriptor.startsWith('[');
  const bare = descriptor.replace(/^\[/, '').replace(/^L|;$/g, '');
  return bare.replace(/^com\/nawforce\/runforce\//, '').replace(/\//g, '.') + (array ? '[]' : '');
}

/** The public, non-static fields of one class file. */
export function classFields(bytes: Buffer): JarField[] {
  let at = 8;
  const u2 = () => {
    const value = bytes.readUInt16BE(at);
    at += 2;
    return value;
  };
  const count = u2();
  const utf8 = new Map<number, string>();
  for (let index = 1; index < count; index++) {
    const tag = bytes[at++];
    if (tag === 1) {
      const length = u2();
      utf8.set(index, bytes.toString('utf8', at, at + length));
      at += length;
    } else if (tag === 5 || tag === 6) {
      at += 8;
      index++; // Long and Double take two constant-pool slots.
    } else if (tag === 7 || tag === 8 || tag === 16 || tag === 19 || tag === 20) at += 2;
    else if (tag === 15) at += 3;
    else if ([3, 4, 9, 10, 11, 12, 17, 18].includes(tag)) at += 4;
    else throw new Error(`unknown constant-pool tag ${tag}`);
  }
  at += 6; // access flags, this class, super class
  const interfaces = u2();
  at += 2 * interfaces;
  const fields: JarField[] = [];
  for (let fieldCount = u2(); fieldCount > 0; fieldCount--) {
    const access = u2();
    const name = utf8.get(u2())!;
    const descriptor = utf8.get(u2())!;
    for (let attributes = u2(); attributes > 0; attributes--) {
      at += 2;
      at += 4 + bytes.readUInt32BE(at);
    }
    const isPublic = (access & 0x0001) !== 0;
    const isStatic = (access & 0x0008) !== 0;
    if (isPublic && !isStatic) fields.push({ name, type: javaType(descriptor) });
  }
  return fields;
}

/** Every SObject of the jar with its fields, in the jar's order. */
export function readSObjects(jar: string = SOBJECT_JAR): Map<string, JarField[]> {
  const classes = readZip(jar, (name) => name.startsWith(SOBJECT_PACKAGE) && name.endsWith('.class'));
  const objects = new Map<string, JarField[]>();
  for (const [name, bytes] of classes) {
    const object = name.slice(SOBJECT_PACKAGE.length, -'.class'.length);
    if (object.includes('$')) continue;
    objects.set(object, classFields(bytes));
  }
  return objects;
}
